import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useValueStore } from '../../shared/value-store';
import { syncStatus } from './sync-status';
import './sync.css';

const SyncPanel = lazy(() => import('./SyncPanel'));

/** The Sync entry in the settings panel; the panel itself loads when opened. */
export function SyncEntry() {
  const { t } = useTranslation('sync');
  const [open, setOpen] = useState(false);
  const status = useValueStore(syncStatus);
  return (
    <>
      <button type="button" className="button sync-entry" onClick={() => setOpen(true)} data-action="open-sync">
        <span className={`sync-dot sync-dot--${status.state}`} aria-hidden="true" />
        {t('open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <SyncPanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
