import { startTransition, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Article } from '../../core/article/article';
import { truncateText } from '../../core/article/summary';
import { anchorAll, ProgressiveAnchoring, type AnchoredSet } from '../../core/annotations/anchor-all';
import type { Annotation } from '../../core/annotations/annotation';
import type { MarkDecoration } from '../../core/decorations/runs';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
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

/** A slice of background anchoring: short enough that no task comes near 50 ms with the render. */
const SLICE_MS = 8;
const PUBLISH_MS = 150;
/** New highlights placed in one go when the list changes (an edit); more are placed in slices. */
const EDIT_AT_ONCE = 200;
const NO_ANNOTATIONS: readonly Annotation[] = [];

const deadlineIn = (ms: number) => {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
};

const renderedArticle = (article: Article) => document.querySelector(`article[data-article-id="${CSS.escape(article.id)}"]`);

/** How many of the article's blocks are in the DOM (they are mounted in order, from the first). */
const renderedBlocks = (article: Article) => renderedArticle(article)?.querySelectorAll('[data-block-id]').length ?? 0;

/** The indexes (in article.blocks) of the first and last blocks on screen, read from the rendered article. */
function blocksOnScreen(article: Article, index: ReadonlyMap<string, number>): [number, number] {
  const root = renderedArticle(article);
  const rendered = root ? [...root.querySelectorAll<HTMLElement>('[data-block-id]')] : [];
  if (rendered.length === 0) return [0, 0];
  let lo = 0;
  let hi = rendered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rendered[mid] as HTMLElement).getBoundingClientRect().bottom <= 0) lo = mid + 1;
    else hi = mid;
  }
  let last = Math.min(lo, rendered.length - 1);
  while (last + 1 < rendered.length && (rendered[last + 1] as HTMLElement).getBoundingClientRect().top < window.innerHeight) last += 1;
  const at = (i: number) => index.get((rendered[i] as HTMLElement).dataset.blockId ?? '') ?? 0;
  return [at(Math.min(lo, rendered.length - 1)), at(last)];
}

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
    const [first, last] = reuse && !edit ? blocksOnScreen(article, index) : [0, renderedBlocks(article) - 1];
    publish(job.step(first, last, edit ? () => false : () => true), true);
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Background slices gather their changes and publish them together every PUBLISH_MS (and at the
    // end): each publish re-renders the changed blocks, fewer and larger batches cost less in all;
    // a change on screen is published at once.
    let pending = new Set<string>();
    let published = performance.now();
    const slice = () => {
      const [from, to] = blocksOnScreen(article, index);
      const changed = job.step(from, to, deadlineIn(SLICE_MS));
      for (const blockId of changed) pending.add(blockId);
      const onScreen = [...changed].some((blockId) => {
        const i = index.get(blockId) ?? -1;
        return i >= from && i <= to;
      });
      if (job.remaining === 0 || onScreen || performance.now() - published >= PUBLISH_MS) {
        publish(pending, false);
        pending = new Set();
        published = performance.now();
      }
      if (job.remaining > 0) timer = setTimeout(slice, 0);
      else finish();
    };
    if (job.remaining > 0) timer = setTimeout(slice, 0);
    else finish();
    return () => {
      clearTimeout(timer);
      // An interrupted run still saves what it placed: the next one reuses it.
      keep();
    };
  }, [article, annotations, t, me]);

  return state.article === article ? state.marks : EMPTY;
}

/** Highlight decorations for the reader, each described for screen readers (colour, note); an empty map while the article is loading. */
export function useHighlightDecorations(articleId: string, article: Article | undefined): ReadonlyMap<string, readonly MarkDecoration[]> {
  const { t } = useTranslation('annotations');
  const annotations = useAnnotations(articleId) ?? NO_ANNOTATIONS;
  const me = syncIdentity(useStore())?.user;
  return useProgressiveHighlights(article, annotations, t, me);
}
