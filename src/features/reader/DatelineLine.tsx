import { useTranslation } from 'react-i18next';
import type { Dateline, TextDirection } from '../../core/article/article';
import { datelineView } from '../../core/article/dateline';
import { BidiText } from './BidiText';

/** The line under the headline: the byline, then the date as printed or in the UI language. */
export function DatelineLine({ dateline, dir }: { dateline: Dateline; dir: TextDirection }) {
  const { i18n } = useTranslation();
  const view = datelineView(dateline, i18n.language);
  const text =
    view.textLanguage === 'ui' ? (
      <bdi lang={i18n.language} dir={i18n.dir(i18n.language)}>
        {view.text}
      </bdi>
    ) : (
      <BidiText text={view.text} dir={dir} />
    );
  return (
    <p className="dateline">
      {view.byline && (
        <>
          <span className="dateline-byline" data-dateline-byline="">
            <BidiText text={view.byline} dir={dir} />
          </span>
          {' · '}
        </>
      )}
      {(view.place || view.agency) && (
        <>
          <span className="dateline-place" data-dateline-place="">
            {view.place && <BidiText text={view.place} dir={dir} />}
            {view.agency && (
              <>
                {view.place && ' '}(<BidiText text={view.agency} dir={dir} />)
              </>
            )}
          </span>
          {view.text && ' · '}
        </>
      )}
      {view.date ? (
        <time dateTime={view.date} title={view.hint}>
          {text}
        </time>
      ) : (
        text
      )}
    </p>
  );
}
