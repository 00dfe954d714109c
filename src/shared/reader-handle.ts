import { createContext, useContext } from 'react';
import type { Article } from '../core/article/article';
import { cssValue, offsetsToRange, type ArticleRange } from './dom-selection';
import { paintedRanges } from './range-paint';

/**
 * The reader's handle: what the article view offers the features that decorate it (names,
 * highlights, a shared passage, margin notes), so that they never reach into its DOM themselves.
 * - activation by id: a click or Enter/Space on a name or a highlight reaches `onMarkActivate`
 *   listeners as { kind, id } (the entity key and mention index, the annotation id), whatever paints
 *   the mark, one mark per click (a name inside a highlight: the name); `activate` does the same
 *   from code (keyboard navigation between marks, a margin note, the highlight offered in a name's card);
 * - what is on screen: `visibleBlocks()` (indexes in article.blocks, measured at most once per
 *   change of scroll, size or mounted blocks) and `onVisibleBlocksChange`;
 * - one scheduler for the work that follows the screen (`schedule`): every feature's background
 *   slices share it, one short slice per task at a time, so two features never run long tasks
 *   back to back;
 * - geometry: a block's element, a text range's client rects, a mark's rects, focusing a mark.
 * ReaderView binds it to the rendered article; the reader screen creates it and hands it to the
 * features (their hooks take it, their components read it with useReaderHandle()).
 */

export type MarkKind = 'entity' | 'highlight' | 'shared';

export type MarkRef =
  /** A mention of an entity: the entity's key and which of its mentions (reading order). */
  | { readonly kind: 'entity'; readonly id: string; readonly index: number }
  /** A highlight: the annotation's id. */
  | { readonly kind: 'highlight'; readonly id: string }
  /** The passage a shared link points at. */
  | { readonly kind: 'shared'; readonly id: string };

export type MarkOf<K extends MarkKind> = Extract<MarkRef, { kind: K }>;

export type MarkActivation<K extends MarkKind = MarkKind> = K extends MarkKind
  ? {
      readonly mark: MarkOf<K>;
      /** How the reader activated it: a click or tap, Enter or Space on the focused mark, or code. */
      readonly via: 'pointer' | 'keyboard' | 'code';
    }
  : never;

/** The first and last blocks on screen, as indexes in article.blocks. */
export interface VisibleBlocks {
  readonly first: number;
  readonly last: number;
}

/**
 * A piece of background work that follows the screen (anchoring highlights, painting names): the
 * scheduler calls `step` with the blocks on screen and a deadline; it returns whether it has more.
 */
export interface ScreenTask {
  step(visible: VisibleBlocks, timeUp: () => boolean): boolean;
  /** Milliseconds to leave between two of this task's steps (0: as soon as the page has had a turn). */
  readonly interval?: number;
}

export interface ReaderHandle {
  onMarkActivate<K extends MarkKind>(kind: K, listener: (activation: MarkActivation<K>) => void): () => void;
  /** Activates a mark as if the reader had: its listeners run. False when nothing listens for its kind. */
  activate(mark: MarkRef): boolean;
  /** The blocks on screen; { first: 0, last: -1 } while no block is rendered. */
  visibleBlocks(): VisibleBlocks;
  onVisibleBlocksChange(listener: (visible: VisibleBlocks) => void): () => void;
  /** How many of the article's blocks are mounted (long articles mount theirs in order, progressively). */
  mountedBlocks(): number;
  /** Runs `task` in slices until it says it is done; the returned function stops it. */
  schedule(task: ScreenTask): () => void;
  blockElement(blockId: string): HTMLElement | null;
  /** The client rects of a range of the article's text (offsets in articleText), [] when it is not rendered. */
  rangeRects(range: ArticleRange): DOMRect[];
  /** The client rects a mark paints over, [] when it is not rendered. */
  markRects(mark: MarkRef): DOMRect[];
  /** Moves focus to a mark (scrolling it into view when asked); false when it is not rendered or not focusable. */
  focusMark(mark: MarkRef, options?: { readonly scroll?: 'center' | 'start' | 'nearest' }): boolean;
  /** A key pressed on the reading page (read by position, `event.code`), outside text fields and dialogs. */
  onShortcut(code: string, listener: (event: KeyboardEvent) => void): () => void;
}

/** What ReaderView tells the handle about the article it renders. */
export interface ReaderBinding {
  readonly root: HTMLElement;
  readonly article: Pick<Article, 'id' | 'blocks'>;
  /** Whether a mark of this element is shown as plain text (its type switched off, all names off). */
  readonly isHidden: (mark: HTMLElement) => boolean;
}

/** A handle and what only ReaderView calls on it. */
export interface ReaderHandleHost extends ReaderHandle {
  bind(binding: ReaderBinding): () => void;
  /** The DOM event that may activate a mark: a click or a keydown in the article. */
  handleEvent(event: MouseEvent | KeyboardEvent): void;
  /** A key pressed on the page while the reader shows (the reader's keyboard hook hands it over). */
  handleShortcut(event: KeyboardEvent): boolean;
  /** Blocks were mounted or the layout changed: what is on screen must be measured again. */
  invalidateLayout(mounted?: number): void;
}

const SLICE_MS = 8;
const NOTHING: VisibleBlocks = { first: 0, last: -1 };


/** The selector of a mark's elements (how today's renderer paints them). */
function markSelector(mark: MarkRef): string {
  switch (mark.kind) {
    case 'entity':
      return `mark.entity[data-entity-id="${cssValue(mark.id)}"][data-mention-index="${mark.index}"]`;
    case 'highlight':
      return `mark[data-annotation-id="${cssValue(mark.id)}"]`;
    case 'shared':
      return `mark[data-shared-passage="${cssValue(mark.id)}"]`;
  }
}

/**
 * The marks an event's target sits in, in the order one of them is activated: a name first (a
 * name inside a highlight opens the name's card; the highlight is one step away in it), then a
 * highlight. Marks are whole-word elements (see core/decorations/runs.ts), so the element under
 * the pointer is the mark.
 */
function marksAt(target: EventTarget | null, isHidden: (mark: HTMLElement) => boolean): MarkRef[] {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const found: MarkRef[] = [];
  const entity = element?.closest<HTMLElement>('mark.entity[data-entity-id]');
  // A switched-off name is plain text.
  if (entity && !isHidden(entity)) found.push({ kind: 'entity', id: entity.dataset.entityId ?? '', index: Number(entity.dataset.mentionIndex ?? 0) });
  const highlight = element?.closest<HTMLElement>('mark[data-annotation-id]');
  if (highlight) found.push({ kind: 'highlight', id: highlight.dataset.annotationId ?? '' });
  return found;
}

/** Viewport rects in reading order, top to bottom. */
const byTop = (rects: DOMRect[]) => rects.sort((a, b) => a.top - b.top);

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function createReaderHandle(): ReaderHandleHost {
  let binding: ReaderBinding | null = null;
  const activations = new Map<MarkKind, Set<(activation: MarkActivation) => void>>();
  const shortcuts = new Map<string, Set<(event: KeyboardEvent) => void>>();
  const visibleListeners = new Set<(visible: VisibleBlocks) => void>();
  let measured: VisibleBlocks | null = null;
  let lastAnnounced: VisibleBlocks | null = null;
  let mounted = 0;
  let frame = 0;

  const blockElements = (): HTMLElement[] => (binding ? [...binding.root.querySelectorAll<HTMLElement>('[data-block-id]')] : []);

  /** Binary search over the rendered blocks (in article order): the first whose bottom is below the top. */
  function measure(): VisibleBlocks {
    if (!binding) return NOTHING;
    const rendered = blockElements();
    if (rendered.length === 0) return NOTHING;
    let lo = 0;
    let hi = rendered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((rendered[mid] as HTMLElement).getBoundingClientRect().bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    const height = globalThis.innerHeight ?? 0;
    let last = Math.min(lo, rendered.length - 1);
    while (last + 1 < rendered.length && (rendered[last + 1] as HTMLElement).getBoundingClientRect().top < height) last += 1;
    const index = new Map(binding.article.blocks.map((b, i) => [b.id, i]));
    const at = (i: number) => index.get((rendered[i] as HTMLElement).dataset.blockId ?? '') ?? 0;
    return { first: at(Math.min(lo, rendered.length - 1)), last: at(last) };
  }

  const visibleBlocks = (): VisibleBlocks => (measured ??= measure());

  /** After a scroll or resize: measure once per frame, and tell listeners when the range moved. */
  function layoutChanged(): void {
    measured = null;
    if (visibleListeners.size === 0 || frame) return;
    const next = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (fn: () => void) => setTimeout(fn, 16) as unknown as number;
    frame = next(() => {
      frame = 0;
      const visible = visibleBlocks();
      if (lastAnnounced && lastAnnounced.first === visible.first && lastAnnounced.last === visible.last) return;
      lastAnnounced = visible;
      for (const listener of [...visibleListeners]) listener(visible);
    });
  }

  // The scheduler: tasks take turns, one slice per macrotask, so input and rendering come in between.
  interface Scheduled {
    readonly task: ScreenTask;
    notBefore: number;
  }
  const tasks: Scheduled[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  function wake(): void {
    if (timer !== undefined || tasks.length === 0) return;
    const now = performance.now();
    const wait = Math.max(0, Math.min(...tasks.map((t) => t.notBefore)) - now);
    timer = setTimeout(turn, wait);
  }
  function turn(): void {
    timer = undefined;
    const now = performance.now();
    const due = tasks.find((t) => t.notBefore <= now);
    if (due) {
      // Round robin: the task that ran goes to the back.
      tasks.splice(tasks.indexOf(due), 1);
      const end = performance.now() + SLICE_MS;
      const more = due.task.step(visibleBlocks(), () => performance.now() >= end);
      if (more) {
        due.notBefore = performance.now() + (due.task.interval ?? 0);
        tasks.push(due);
      }
    }
    wake();
  }

  const onWindowChange = () => layoutChanged();
  let resizeObserver: ResizeObserver | null = null;

  const handle: ReaderHandleHost = {
    onMarkActivate(kind, listener) {
      const set = activations.get(kind) ?? activations.set(kind, new Set()).get(kind)!;
      const wrapped = listener as unknown as (activation: MarkActivation) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    activate(mark) {
      const listeners = activations.get(mark.kind);
      if (!listeners || listeners.size === 0) return false;
      for (const listener of [...listeners]) listener({ mark, via: 'code' } as MarkActivation);
      return true;
    },
    visibleBlocks,
    onVisibleBlocksChange(listener) {
      visibleListeners.add(listener);
      return () => visibleListeners.delete(listener);
    },
    mountedBlocks: () => mounted,
    schedule(task) {
      const entry: Scheduled = { task, notBefore: performance.now() };
      tasks.push(entry);
      wake();
      return () => {
        const i = tasks.indexOf(entry);
        if (i >= 0) tasks.splice(i, 1);
        if (tasks.length === 0 && timer !== undefined) {
          clearTimeout(timer);
          timer = undefined;
        }
      };
    },
    blockElement(blockId) {
      return binding?.root.querySelector<HTMLElement>(`[data-block-id="${cssValue(blockId)}"]`) ?? null;
    },
    rangeRects(range) {
      if (!binding) return [];
      const dom = offsetsToRange(binding.root, binding.article, range);
      // (Ranges have no geometry in some environments, e.g. jsdom.)
      return dom && typeof dom.getClientRects === 'function' ? [...dom.getClientRects()] : [];
    },
    markRects(mark) {
      if (!binding) return [];
      const root = binding.root;
      const elements = [...root.querySelectorAll<HTMLElement>(markSelector(mark))];
      // (Ranges have no geometry in some environments, e.g. jsdom.)
      const rectsOf = (items: ReadonlyArray<Element | Range>) => items.flatMap((item) => (typeof item.getClientRects === 'function' ? [...item.getClientRects()] : []));
      // A highlight or a passage paints its exact span as ranges (src/shared/range-paint.ts), which may
      // start inside a word; inside a name its whole-word element paints instead.
      const ranges = mark.kind === 'entity' ? [] : paintedRanges(mark.id).filter((range) => root.contains(range.startContainer));
      if (ranges.length === 0) return rectsOf(elements);
      return byTop([...rectsOf(ranges), ...rectsOf(elements.filter((el) => el.closest('mark.entity')))]);
    },
    focusMark(mark, options = {}) {
      const element = binding?.root.querySelector<HTMLElement>(markSelector(mark));
      if (!element) return false;
      if (options.scroll) element.scrollIntoView?.({ block: options.scroll, behavior: 'auto' });
      // A name takes focus itself, even outside the paragraph that holds the article's one Tab stop
      // (its tabindex is -1 there: the roving tab index follows the focus to it). A mark that cannot
      // take focus (a highlight: no tabindex) leaves it on its paragraph.
      const target = element.hasAttribute('tabindex') ? element : element.closest<HTMLElement>('[data-block-id]');
      target?.focus({ preventScroll: true });
      return target !== null && target !== undefined;
    },
    onShortcut(code, listener) {
      const set = shortcuts.get(code) ?? shortcuts.set(code, new Set()).get(code)!;
      set.add(listener);
      return () => set.delete(listener);
    },

    bind(next) {
      binding = next;
      measured = null;
      globalThis.addEventListener?.('scroll', onWindowChange, { passive: true });
      globalThis.addEventListener?.('resize', onWindowChange);
      if (typeof ResizeObserver === 'function') {
        resizeObserver = new ResizeObserver(onWindowChange);
        resizeObserver.observe(next.root);
      }
      return () => {
        if (binding === next) binding = null;
        globalThis.removeEventListener?.('scroll', onWindowChange);
        globalThis.removeEventListener?.('resize', onWindowChange);
        resizeObserver?.disconnect();
        resizeObserver = null;
        measured = null;
      };
    },
    handleEvent(event) {
      if (!binding) return;
      let via: MarkActivation['via'];
      if (event.type === 'click') {
        // The reader is selecting text, not activating a mark.
        const selection = globalThis.document?.getSelection();
        if (selection && !selection.isCollapsed) return;
        via = 'pointer';
      } else if (event.type === 'keydown' && ((event as KeyboardEvent).key === 'Enter' || (event as KeyboardEvent).key === ' ')) {
        // Only a focused mark itself (not text inside a focused paragraph) is activated by a key.
        if (!(event.target instanceof HTMLElement) || !event.target.matches('mark.entity')) return;
        via = 'keyboard';
      } else return;
      // One mark is activated, never two: the first one something listens for (a highlight has no
      // keyboard activation of its own: Enter on a name inside one opens the name).
      const mark = marksAt(event.target, binding.isHidden).find((m) => (via !== 'keyboard' || m.kind === 'entity') && (activations.get(m.kind)?.size ?? 0) > 0);
      if (!mark) return;
      for (const listener of [...(activations.get(mark.kind) ?? [])]) listener({ mark, via } as MarkActivation);
      if (via === 'keyboard') event.preventDefault();
    },
    handleShortcut(event) {
      const listeners = shortcuts.get(event.code);
      if (!listeners?.size || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return false;
      if (globalThis.document?.querySelector('[role="dialog"][aria-modal="true"], dialog[open]')) return false;
      for (const listener of [...listeners]) listener(event);
      return true;
    },
    invalidateLayout(count) {
      if (count !== undefined) mounted = count;
      layoutChanged();
    },
  };
  return handle;
}

const ReaderHandleContext = createContext<ReaderHandle | null>(null);

/** Provided by the reader screen around the article and the features' panels and overlays. */
export const ReaderHandleProvider = ReaderHandleContext.Provider;

let detached: ReaderHandle | undefined;

/** The reader's handle, for a feature component shown with the article (outside one: a handle bound to nothing). */
export function useReaderHandle(): ReaderHandle {
  return useContext(ReaderHandleContext) ?? (detached ??= createReaderHandle());
}
