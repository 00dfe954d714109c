import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as v from 'valibot';
import { formatLocale } from '../../core/text/format-locale';
import { readSyncAccount, saveSyncAccount, serverUrlSchema, signOut } from '../../core/sync/account-store';
import { Dialog } from '../../shared/Dialog';
import { useStore } from '../../shared/store-context';
import { useValueStore } from '../../shared/value-store';
import { signIn, type RetryWait } from '../../core/sync/session-client';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { syncStatus } from './sync-status';

/** Settings → Sync (loaded when opened): sign in to a server, see the status, sign out. */
export default function SyncPanel({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('sync');
  const store = useStore();
  useValueStore(syncAccountChanges);
  const status = useValueStore(syncStatus);
  const account = readSyncAccount(store);
  const [server, setServer] = useState(account?.server ?? '');
  const [user, setUser] = useState(account?.session.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [wait, setWait] = useState<RetryWait | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setWait(undefined);
    if (!v.is(serverUrlSchema, server)) return setError('server');
    if (!user.trim() || !password) return setError('credentials');
    setBusy(true);
    const result = await signIn(server, user, password);
    setBusy(false);
    if (!result.ok) {
      if (result.error === 'tooMany') setWait(result.wait);
      return setError(result.error);
    }
    setPassword('');
    if (!saveSyncAccount(store, server, result.session).ok) return setError('storage');
    syncAccountChanges.set(syncAccountChanges.get() + 1);
  }

  function leave() {
    signOut(store);
    // What the page saw of the session (conflicts, groups left) does not carry over to the next one.
    syncStatus.set({ state: 'off', conflicts: 0 });
    syncAccountChanges.set(syncAccountChanges.get() + 1);
  }

  const time = account?.lastSynced ? new Intl.DateTimeFormat(formatLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(account.lastSynced)) : null;
  const reason = status.reason ? t(`errors.${status.reason.key}`, { reason: status.reason.detail ?? '' }) : '';
  const errorText = error === 'tooMany' && wait ? t(wait.unit === 'seconds' ? 'errors.tooManySeconds' : 'errors.tooManyMinutes', { count: wait.count }) : error ? t(`errors.${error}`) : '';

  return (
    <Dialog open title={t('title')} onClose={onClose} closeLabel={t('close')} testId="sync">
      <p className="sync-intro">{t('intro')}</p>
      {account ? (
        <div className="sync-account">
          <p>
            <bdi>{t('signedInAs', { user: account.session.user, server: account.server })}</bdi>
          </p>
          {account.session.groups.length > 0 && <p>{t('groups', { groups: account.session.groups.map((g) => g.name).join('، ') })}</p>}
          <p className="sync-status" data-sync-status={status.state === 'off' ? 'offline' : status.state} data-sync-reason={status.reason?.key} role="status">
            <span className={`sync-dot sync-dot--${status.state}`} aria-hidden="true" />
            {status.state === 'error' ? t('status.error', { reason }) : t(`status.${status.state}`)}
          </p>
          <p className="sync-last">{time ? t('lastSynced', { time }) : t('neverSynced')}</p>
          {status.conflicts > 0 && <p className="notice">{t('conflicts', { count: status.conflicts })}</p>}
          {status.groupsLeft?.map((group) => (
            <p key={group} className="notice" data-sync-group-left={group}>
              {t('groupLeft', { group })}
            </p>
          ))}
          {(status.tooLarge ?? 0) > 0 && (
            <p className="notice" data-sync-too-large={status.tooLarge}>
              {t('articlesTooLarge', { count: status.tooLarge })}
            </p>
          )}
          <button type="button" className="button" onClick={leave} data-action="sync-sign-out">
            {t('signOut')}
          </button>
        </div>
      ) : (
        <form className="sync-form" onSubmit={(event) => void submit(event)} noValidate>
          <label>
            <span>{t('server')}</span>
            <input name="sync-server" type="url" dir="ltr" inputMode="url" autoComplete="url" value={server} onChange={(e) => setServer(e.target.value)} placeholder={t('serverHint')} data-autofocus />
          </label>
          <label>
            <span>{t('user')}</span>
            <input name="sync-user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
          </label>
          <label>
            <span>{t('password')}</span>
            <input name="sync-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <small>{t('passwordHint')}</small>
          </label>
          {error && (
            <p className="notice notice--warning" role="alert" data-sync-error={error}>
              {errorText}
            </p>
          )}
          <div className="dialog-footer" style={{ paddingInline: 0 }}>
            <button type="submit" className="button button--primary" disabled={busy} data-action="sync-sign-in">
              {busy ? t('signingIn') : t('signIn')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
