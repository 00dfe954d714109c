import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../core/article/article-store';
import { syncIdentity } from '../../core/sync/account-store';
import { useStore } from '../../shared/store-context';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { useValueStore } from '../../shared/value-store';
import { useToast } from '../../shared/toast';
import { useSetArticleGroups } from './imported-articles-query';

/**
 * With sync on: an imported article's groups. The reader's own article gets one "share with G"
 * switch per group they belong to; an article another member shared shows who shared it, where.
 */
export function GroupShare({ summary }: { summary: Pick<ArticleSummary, 'id' | 'groups' | 'sharedBy'> }) {
  const { t } = useTranslation('library');
  const toast = useToast();
  useValueStore(syncAccountChanges);
  const identity = syncIdentity(useStore());
  const setGroups = useSetArticleGroups();
  if (summary.sharedBy) {
    return (
      <span className="badge badge--group" data-article-group={summary.sharedBy.group} data-shared-by={summary.sharedBy.author}>
        <bdi>{t('groups.sharedBy', { author: summary.sharedBy.author, group: summary.sharedBy.group })}</bdi>
      </span>
    );
  }
  if (!identity?.groups.length) return null;
  const shared = new Set(summary.groups ?? []);
  const toggle = async (group: string) => {
    const next = shared.has(group) ? [...shared].filter((g) => g !== group) : [...shared, group];
    const result = await setGroups.mutateAsync({ id: summary.id, groups: next }).catch(() => ({ ok: false }) as const);
    if (!result.ok) toast(t('groups.failed'), 'error');
  };
  return (
    <>
      {identity.groups.map((group) => (
        <button key={group} type="button" className="button button--ghost" aria-pressed={shared.has(group)} onClick={() => void toggle(group)} data-action="share-to-group" data-group={group}>
          <bdi>{t(shared.has(group) ? 'groups.sharedWith' : 'groups.shareWith', { group })}</bdi>
        </button>
      ))}
    </>
  );
}
