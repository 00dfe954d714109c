import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextDirection } from '../../core/article/article';
import { readSources } from '../../core/article/source-line';
import { SourceLink } from '../../shared/SourceLink';
import { BidiText } from './BidiText';

/** The sources line: names as text, addresses as isolated left-to-right links (host first), a page's claimed address marked. */
export function SourcesLine({ sources, dir }: { sources: string; dir: TextDirection }) {
  const { t } = useTranslation('reader');
  return (
    <>
      {readSources(sources).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' · '}
          {part.kind === 'text' ? (
            <BidiText text={part.text} dir={dir} />
          ) : part.claimed ? (
            <span className="source-claimed" data-claimed-url={part.href}>
              {t('claimedSource')} <SourceLink href={part.href} />
            </span>
          ) : (
            <SourceLink href={part.href} />
          )}
        </Fragment>
      ))}
    </>
  );
}
