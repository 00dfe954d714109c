import { startTransition, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Article } from '../../core/article/article';
import { truncateText } from '../../core/article/summary';
import { anchorAll, ProgressiveAnchoring, type AnchoredSet } from '../../core/annotations/anchor-all';
import type { Annotation } from '../../core/annotations/annotation';
import type { MarkDecoration } from '../../core/decorations/runs';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import type { ReaderHandle, VisibleBlocks } from '../../shared/reader-handle';
import { useStore } from '../../shared/store-context';
import { useAnnotations } from './annotations-query';

// The reader's decorations and the notes panel anchor the same list: do it once per list and article.
const cache = new WeakMap<object, { article: object; set: AnchoredSet }>();

function anchored(article: Article, annotations: Parameters<typeof anchorAll>[1]): AnchoredSet {
  const hit = cache.get(annotations);
  if (hit && hit.article === article) return hit.set;
  const set = anchorAll(article, annotations);
  cache.set(annotations, { article, set });
  return set;
}

const EMPTY: ReadonlyMap<string, readonly MarkDecoration[]> = new Map();

/** The article's annotations placed in its current text (anchored in reading order, and orphans). */
export function useAnchoredAnnotations(article: Article): AnchoredSet {
  const annotations = useAnnotations(article.id);
  return useMemo(() => anchored(article, annotations), [article, annotations]);
}

const PUBLISH_MS = 150;
/** New highlights placed in one go when the list changes (an edit); more are placed in slices. */
const EDIT_AT_ONCE = 200;
const NO_ANNOTATIONS: readonly Annotation[] = [];

type MarkDescription = Pick<MarkDecoration, 'label' | 'owner'>;

/**
 * Each highlight described for screen readers: its colour, and its note when it has one; another
 * group member's highlight also names its author and group (and carries the author as `owner`).
 */
function describer(annotations: readonly Annotation[], t: TFunction<'annotations'>, me: string | undefined): (mark: MarkDecoration) => MarkDescription {
  const notes = new Map(annotations.map((a) => [a.id, a]));
  // One description per highlight (a highlight across blocks has several pieces), one name per colour.
  const colors = new Map<string, string>();
  const labels = new Map<string, MarkDescription>();
  return (mark) => {
    const known = labels.get(mark.id);
    if (known !== undefined) return known;
    const variant = mark.variant ?? 'yellow';
    let color = colors.get(variant);
    if (color === undefined) colors.set(variant, (color = t(`colors.${variant}`)));
    const annotation = notes.get(mark.id);
    const note = annotation?.note.trim();
    const owner = annotation && isOthersNote(annotation, me) ? annotation.author : undefined;
    const described = note ? t('describe.withNote', { color, note: truncateText(note, 160) }) : t('describe.highlight', { color });
    const label = owner ? t('describe.byOther', { author: owner, group: annotation?.group ?? '', description: described }) : described;
    const description: MarkDescription = owner ? { label, owner } : { label };
    labels.set(mark.id, description);
    return description;
  };
}

/**
 * The article's highlights, placed progressively: those of the blocks on screen are anchored before
 * the text is first painted; the rest follow outwards in short slices, each published as a
 * background update. An edit re-anchors only what changed.
 */
function useProgressiveHighlights(
  reader: ReaderHandle,
  article: Article | undefined,
  annotations: readonly Annotation[],
  t: TFunction<'annotations'>,
  me: string | undefined,
): ReadonlyMap<string, readonly MarkDecoration[]> {
  const [state, setState] = useState<{ article: Article | undefined; marks: ReadonlyMap<string, readonly MarkDecoration[]> }>({ article: undefined, marks: EMPTY });
  const previous = useRef<{ article: Article; results: ReturnType<ProgressiveAnchoring['results']> } | null>(null);

  // A layout effect: the highlights on screen are placed before the first paint of the text, so they
  // appear with it; everything else waits for the slices after it.
  useLayoutEffect(() => {
    if (!article) return;
    const reuse = previous.current?.article === article ? previous.current.results : undefined;
    const job = new ProgressiveAnchoring(article, annotations, reuse);
    const describe = describer(annotations, t, me);
    const index = new Map(article.blocks.map((block, i) => [block.id, i]));
    const onScreen = (visible = reader.visibleBlocks()): [number, number] => [visible.first, Math.max(visible.first, visible.last)];
    let marks = new Map<string, readonly MarkDecoration[]>();
    const publish = (changed: ReadonlySet<string>, urgent: boolean) => {
      if (changed.size === 0 && !urgent) return;
      marks = new Map(marks);
      for (const blockId of changed) marks.set(blockId, job.blockDecorations(blockId).map((mark) => ({ ...mark, ...describe(mark) })));
      const next = { article, marks };
      if (urgent) setState(next);
      else startTransition(() => setState(next));
    };
    const keep = () => {
      previous.current = { article, results: job.results() };
    };
    const finish = () => {
      keep();
      performance.mark('hashiya:highlights-anchored', { detail: { count: annotations.length } });
    };
    // The blocks rendered so far (what the first paint can show: counted, not measured, so no layout
    // is forced before it), at once; an edit, with everything else known, completes here. Thousands
    // of new notes at once (an import into the open article) start from the blocks on screen
    // instead, and the rest follow in slices: placing them all would hold the page for seconds.
    const edit = reuse !== undefined && job.newCount <= EDIT_AT_ONCE;
    const [first, last] = reuse && !edit ? onScreen() : [0, reader.mountedBlocks() - 1];
    publish(job.step(first, last, edit ? () => false : () => true), true);
    // Background slices (on the reader's scheduler) gather their changes and publish them together
    // every PUBLISH_MS (and at the end): each publish re-renders the changed blocks, fewer and larger
    // batches cost less in all; a change on screen is published at once.
    let pending = new Set<string>();
    let published = performance.now();
    const slice = (visible: VisibleBlocks, timeUp: () => boolean): boolean => {
      const [from, to] = onScreen(visible);
      const changed = job.step(from, to, timeUp);
      for (const blockId of changed) pending.add(blockId);
      const seen = [...changed].some((blockId) => {
        const i = index.get(blockId) ?? -1;
        return i >= from && i <= to;
      });
      if (job.remaining === 0 || seen || performance.now() - published >= PUBLISH_MS) {
        publish(pending, false);
        pending = new Set();
        published = performance.now();
      }
      if (job.remaining > 0) return true;
      finish();
      return false;
    };
    let stop = () => {};
    if (job.remaining > 0) stop = reader.schedule({ step: slice });
    else finish();
    return () => {
      stop();
      // An interrupted run still saves what it placed: the next one reuses it.
      keep();
    };
  }, [reader, article, annotations, t, me]);

  return state.article === article ? state.marks : EMPTY;
}

/** Highlight decorations for the reader, each described for screen readers (colour, note); an empty map while the article is loading. */
export function useHighlightDecorations(reader: ReaderHandle, articleId: string, article: Article | undefined): ReadonlyMap<string, readonly MarkDecoration[]> {
  const { t } = useTranslation('annotations');
  const annotations = useAnnotations(articleId) ?? NO_ANNOTATIONS;
  const me = syncIdentity(useStore())?.user;
  return useProgressiveHighlights(reader, article, annotations, t, me);
}
