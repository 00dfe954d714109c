import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { datelineView, parseDateline } from '../../core/article/dateline';
import { keptBlocks, type ImportDraft, type PreviewEdits } from '../../core/article/import-preview';
import { splitSources } from '../../core/article/source-line';
import { OneLineField } from '../../shared/OneLineField';
import { SourceLink } from '../../shared/SourceLink';

interface ImportPreviewProps {
  readonly draft: ImportDraft;
  readonly initial: PreviewEdits;
  /** "2 of 5" when several inputs are imported in turn. */
  readonly position: string | null;
  readonly busy: boolean;
  readonly onSave: (edits: PreviewEdits) => void;
  readonly onSkip: () => void;
}

/** Blocks shown at each end of the body, each with its "starts here" / "ends here" button. */
const EDGE = 4;

/**
 * The article as it will be saved: title, date line and source to correct, the body's first and last
 * paragraphs with "the body starts here" / "ends here", and what was dropped. Save is focused, so
 * Enter saves (in a field too): the common case stays one key. The fields wrap, so a long headline
 * is read whole on a phone.
 */
export function ImportPreview({ draft, initial, position, busy, onSave, onSkip }: ImportPreviewProps) {
  const { t, i18n } = useTranslation('import');
  const [edits, setEdits] = useState(initial);
  const { article, dropped } = draft;
  const set = (change: Partial<PreviewEdits>) => setEdits((e) => ({ ...e, ...change }));
  // Save takes the focus (Enter saves), but the reader sees the preview from its top: the title
  // first. Focusing it the usual way scrolled the dialog down to the button (seen in both engines).
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    saveRef.current?.focus({ preventScroll: true });
    for (let box = formRef.current?.parentElement; box; box = box.parentElement) {
      box.scrollTop = 0;
      if (box.tagName === 'DIALOG') break;
    }
  }, [draft]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSave(edits);
  };
  const last = article.blocks.length - 1;
  const head = article.blocks.slice(1, Math.min(last, EDGE) + 1).map((block, i) => ({ block, index: i + 1 }));
  const tailFrom = Math.max(head.length + 1, last - EDGE + 1);
  const tail = article.blocks.slice(tailFrom).map((block, i) => ({ block, index: tailFrom + i }));
  const hiddenMiddle = Math.max(0, tailFrom - head.length - 1);
  const kept = keptBlocks(draft, edits).length;
  const date = edits.dateline.trim() ? datelineView(parseDateline(edits.dateline), i18n.language) : undefined;
  const { urls } = splitSources(article.sources);
  const url = draft.url ?? urls.find((u) => !u.startsWith('≠'));

  const row = ({ block, index }: { block: (typeof article.blocks)[number]; index: number }) => {
    const cut = index < edits.start || index > edits.end;
    return (
      <li key={block.id} className={`preview-block preview-block--${block.kind}`} data-preview-block={index} data-cut={cut ? '' : undefined}>
        <p dir={article.dir} lang={article.lang}>
          {block.text.length > 280 ? `${block.text.slice(0, 277)}…` : block.text}
        </p>
        <span className="preview-block-actions">
          {index <= EDGE && (
            <button type="button" className="button button--small button--ghost" aria-pressed={edits.start === index} onClick={() => set({ start: index, end: Math.max(index, edits.end) })} data-action="body-starts-here">
              {t('preview.startsHere')}
            </button>
          )}
          {index > last - EDGE && (
            <button type="button" className="button button--small button--ghost" aria-pressed={edits.end === index} onClick={() => set({ end: index, start: Math.min(index, edits.start) })} data-action="body-ends-here">
              {t('preview.endsHere')}
            </button>
          )}
        </span>
      </li>
    );
  };

  return (
    <form ref={formRef} className="import-preview" onSubmit={submit} data-import-preview="">
      {position && <p className="import-position">{position}</p>}
      {draft.applied.length > 0 && (
        <p className="preview-remembered" data-preview-remembered={draft.applied.join(' ')}>
          {t('preview.remembered', { site: draft.site ?? '' })}
        </p>
      )}
      <div className="field">
        <label htmlFor="preview-title">{t('preview.title')}</label>
        <OneLineField id="preview-title" dir="auto" value={edits.title} onValueChange={(title) => set({ title })} data-preview-field="title" maxLength={1000} />
      </div>
      <div className="field">
        <label htmlFor="preview-dateline">{t('preview.dateline')}</label>
        <OneLineField id="preview-dateline" dir="auto" value={edits.dateline} onValueChange={(dateline) => set({ dateline })} data-preview-field="dateline" maxLength={200} />
        <span className="field-hint" data-preview-date={date?.date ?? ''}>
          {date?.date ? (
            <>
              {t('preview.dateRead')}{' '}
              <bdi lang={i18n.language}>{date.text}</bdi>
              {date.place && (
                <>
                  {' · '}
                  <bdi dir={article.dir}>{date.place}</bdi>
                </>
              )}
            </>
          ) : (
            t(edits.dateline.trim() ? 'preview.noDate' : 'preview.noDateline')
          )}
        </span>
      </div>
      <div className="field">
        <label htmlFor="preview-source">{t('preview.source')}</label>
        <OneLineField id="preview-source" dir="auto" value={edits.source} onValueChange={(source) => set({ source })} data-preview-field="source" maxLength={1000} />
        {(url || draft.claimedUrl) && (
          <span className="field-hint preview-address">
            {url && (
              <span data-preview-url="">
                {t(draft.claimedUrl !== undefined ? 'preview.reportedAddress' : 'preview.address')} <SourceLink href={url} />
              </span>
            )}
            {draft.claimedUrl && (
              <span className="preview-claimed" data-claimed-url={draft.claimedUrl}>
                {t('preview.claimed')} <SourceLink href={draft.claimedUrl} />
              </span>
            )}
          </span>
        )}
      </div>
      <section className="preview-body" aria-label={t('preview.body')}>
        <h3>{t('preview.bodyCount', { count: kept })}</h3>
        <ol className="preview-blocks">
          {head.map(row)}
          {hiddenMiddle > 0 && (
            <li className="preview-gap" aria-hidden="false">
              {t('preview.more', { count: hiddenMiddle })}
            </li>
          )}
          {tail.map(row)}
        </ol>
      </section>
      {(dropped.furnitureCount > 0 || dropped.hiddenCount > 0) && (
        <details className="preview-dropped" data-preview-dropped={dropped.furnitureCount + dropped.hiddenCount}>
          <summary>{t('preview.dropped', { count: dropped.furnitureCount + dropped.hiddenCount })}</summary>
          <DroppedList kind="furniture" heading={t('preview.furniture', { count: dropped.furnitureCount })} count={dropped.furnitureCount} texts={dropped.furniture} />
          <DroppedList kind="hidden" heading={t('preview.hidden', { count: dropped.hiddenCount })} count={dropped.hiddenCount} texts={dropped.hidden} />
        </details>
      )}
      <div className="dialog-footer" style={{ paddingInline: 0 }}>
        <button type="button" className="button" onClick={onSkip} data-action="skip-import">
          {t('preview.skip')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-action="save-import" data-autofocus="" ref={saveRef}>
          {t('preview.save')}
        </button>
      </div>
    </form>
  );
}

/** One kind of dropped text (page furniture, or what the page hides): its count and the first few. */
function DroppedList({ kind, heading, count, texts }: { kind: 'furniture' | 'hidden'; heading: string; count: number; texts: readonly string[] }) {
  if (count === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul data-dropped={kind}>
        {texts.map((text, i) => (
          <li key={i} dir="auto">
            {text}
          </li>
        ))}
      </ul>
    </>
  );
}
