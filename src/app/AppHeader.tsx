import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { SettingsMenu } from '../features/settings/SettingsMenu';
import { SyncEntry } from '../features/sync/SyncEntry';

/** The sticky top bar: brand (back to the library), page actions, settings. */
export function AppHeader({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <a className="brand" href="#/" data-action="open-library" aria-label={t('library')}>
        <span aria-hidden="true">{t('brand')}</span>
        <small aria-hidden="true">{t('library')}</small>
      </a>
      <nav aria-label={t('mainNav')}>
        {actions}
        <a className="button button--ghost" href="#/notes" data-action="open-notebook">
          {t('notebook')}
        </a>
        <SettingsMenu extra={<SyncEntry />} />
      </nav>
    </header>
  );
}
