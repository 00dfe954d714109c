import { lazy, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsMenu } from '../features/settings/SettingsMenu';

// Shown only inside the open settings panel (which has its Suspense): loaded with it.
const SyncEntry = lazy(() => import('../features/sync/SyncEntry').then((m) => ({ default: m.SyncEntry })));

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
          <svg className="topbar-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3zM5 17a3 3 0 0 1 3-3h11M9 8h6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
          </svg>
          <span className="topbar-label">{t('notebook')}</span>
        </a>
        {/* Not "Names" like the reader's panel toggle beside it: the index of names across articles. */}
        <a className="button button--ghost" href="#/names" data-action="open-names">
          <svg className="topbar-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 19a6 6 0 0 1 12 0M17 7h4M17 11h4M18 15h3" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" />
          </svg>
          <span className="topbar-label">{t('nameIndex')}</span>
        </a>
        <SettingsMenu extra={<SyncEntry />} />
      </nav>
    </header>
  );
}
