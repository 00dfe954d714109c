import { useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCAL_STORAGE_LIMITS } from '../core/limits';
import { useIdbStore, useStore } from '../shared/store-context';

/** Tells the reader when saved data could not be read or written; what was readable is still loaded. */
export function StorageProblems() {
  const { t } = useTranslation();
  const store = useStore();
  const db = useIdbStore();
  const local = useSyncExternalStore(store.onProblem, store.problems);
  const indexed = useSyncExternalStore(db.onProblem, db.problems);
  const problems = useMemo(() => [...local, ...indexed], [local, indexed]);
  const [dismissed, setDismissed] = useState(0);

  const visible = problems.slice(dismissed);
  if (visible.length === 0) return null;
  return (
    <div className="notice notice--warning storage-problems" role="alert" data-storage-problem="">
      <ul>
        {visible.map((problem, i) => (
          <li key={i}>
            {t(`storage.${problem.kind}`, { key: 'key' in problem ? problem.key : '', version: 'version' in problem ? problem.version : '', notes: LOCAL_STORAGE_LIMITS.notesThatFit })}
            {'backupKey' in problem ? ` ${problem.backupKey ? t('storage.backedUp', { backupKey: problem.backupKey }) : t('errors:storage.notBackedUp')}` : ''}
          </li>
        ))}
      </ul>
      <div className="notice-actions">
        <button type="button" className="button" onClick={() => setDismissed(problems.length)}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
