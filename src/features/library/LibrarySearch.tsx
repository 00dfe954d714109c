import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_LIMITS } from '../../core/limits';
import { routeToHash } from '../../core/links/routes';
import { PassageText } from '../../shared/PassageText';
import { useLibrarySearch, useSearchClient } from './search-query';

/** Full-text search over every article; each result is a passage that opens the article there. */
export function LibrarySearch() {
  const { t } = useTranslation('library');
  const id = useId();
  const client = useSearchClient();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useLibrarySearch(deferred);
  const active = deferred.trim().length > 0;
  const hits = results.data ?? [];

  return (
    <div role="search" className="library-search" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-q`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        dir="auto"
        className="library-search-input"
        placeholder={t('search.placeholder')}
        value={query}
        maxLength={SEARCH_LIMITS.query}
        onChange={(e) => setQuery(e.target.value.slice(0, SEARCH_LIMITS.query))}
        // Articles imported or deleted in another tab are picked up when the reader starts searching.
        onFocus={() => void client.sync()}
        data-library-search=""
      />
      {active && (
        <div className="library-search-results" aria-live="polite" aria-busy={results.isFetching}>
          {results.isError ? (
            <p className="notice notice--error" role="alert">{t('search.error')}</p>
          ) : results.isPending ? (
            <p className="library-empty">{t('search.searching')}</p>
          ) : hits.length === 0 ? (
            <p className="library-empty" data-search-empty="">{t('search.none')}</p>
          ) : (
            <>
              <p className="library-search-count">{t('search.count', { count: hits.length })}</p>
              <ol className="library-search-list">
                {hits.map((hit) => (
                  <li key={`${hit.articleId}/${hit.blockId}`} data-search-result={hit.articleId} data-block={hit.blockId}>
                    <a href={routeToHash({ name: 'article', articleId: hit.articleId, blockId: hit.blockId })} className="library-search-hit">
                      <span className="library-search-title" lang={hit.lang} dir={hit.dir}>
                        {hit.title}
                      </span>
                      <span className="library-search-passage" lang={hit.lang} dir={hit.dir}>
                        <PassageText pieces={hit.passage} />
                      </span>
                    </a>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </div>
  );
}
