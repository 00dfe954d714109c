import { useTranslation } from 'react-i18next';
import type { MarkDecoration } from '../../core/decorations/runs';
import { useReaderHandle } from '../../shared/reader-handle';

/**
 * The reader's own highlights at a place another mark took the click (a name inside a highlight
 * opens the name's card): one button each, opening its note, one step away.
 */
export function HighlightsHere({ highlights }: { highlights: readonly MarkDecoration[] }) {
  const { t } = useTranslation('annotations');
  const reader = useReaderHandle();
  if (highlights.length === 0) return null;
  return (
    <div className="highlights-here" role="group" aria-label={t('here.label')} data-highlights-here="">
      {highlights.map((mark) => (
        <button key={mark.id} type="button" className="button button--small" data-action="open-highlight-note" data-annotation-id={mark.id} onClick={() => reader.activate({ kind: 'highlight', id: mark.id })}>
          <span className={`swatch swatch--${mark.variant ?? 'yellow'} highlights-here__swatch`} aria-hidden="true" />
          {t('here.open', { color: t(`colors.${mark.variant ?? 'yellow'}`) })}
        </button>
      ))}
    </div>
  );
}
