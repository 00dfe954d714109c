import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../core/annotations/annotation';
import { wordSelection, type SelectionRange } from '../../core/annotations/selection';
import type { Article } from '../../core/article/article';
import { offsetsToRange, selectionToOffsets } from '../../shared/dom-selection';
import { returnFocus } from '../../shared/focus-return';
import { isTyping, readerKey } from '../../shared/reader-keys';
import { placeToolbar, toolbarMarginRoom } from './toolbar-placement';

export type { SelectionRange };

export interface SelectionToolbarProps {
  article: Article;
  onHighlight: (range: SelectionRange, color: AnnotationColor) => void;
  onNote: (range: SelectionRange) => void;
  /** Other features' buttons (share, mark as entity), given the current selection. */
  extraActions?: (range: SelectionRange) => ReactNode;
  /** Colour used by the keyboard shortcut. */
  defaultColor?: AnnotationColor;
}

function articleElement(articleId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`article[data-article-id="${CSS.escape(articleId)}"]`);
}

/** The current selection inside the article, snapped to words; null when there is none. */
export function currentSelectionRange(article: Article, root: Element | null, selection: Selection | null): SelectionRange | null {
  if (!root) return null;
  const offsets = selectionToOffsets(root, article, selection);
  return offsets ? wordSelection(article, offsets) : null;
}

/**
 * The toolbar shown next to a selection in the article: highlight colours, note, and other
 * features' actions. Placed where it covers no text near the selection (see toolbar-placement).
 * Keyboard: `h` highlights the selection; Tab moves into the toolbar; Escape leaves it.
 */
export function SelectionToolbar({ article, onHighlight, onNote, extraActions, defaultColor = 'yellow' }: SelectionToolbarProps) {
  const { t } = useTranslation('annotations');
  const [range, setRange] = useState<SelectionRange | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const pointerDown = useRef(false);
  const dismissed = useRef<string | null>(null);
  const keyboardSelection = useRef(false);
  const [layoutTick, setLayoutTick] = useState(0);

  const update = useCallback(() => {
    if (pointerDown.current) return;
    const toolbar = ref.current;
    // Focus moved into the toolbar: keep the range the reader had selected.
    if (toolbar && toolbar.contains(document.activeElement)) return;
    const next = currentSelectionRange(article, articleElement(article.id), document.getSelection());
    const key = next ? `${next.start}:${next.end}` : null;
    if (key !== dismissed.current) dismissed.current = null;
    setRange((previous) => {
      if (!next || dismissed.current === key) return null;
      if (previous && previous.start === next.start && previous.end === next.end) return previous;
      return next;
    });
    setLayoutTick((n) => n + 1);
  }, [article]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    const down = (event: PointerEvent) => {
      if (ref.current?.contains(event.target as Node)) return;
      pointerDown.current = true;
      keyboardSelection.current = false;
    };
    const up = () => {
      pointerDown.current = false;
      schedule();
    };
    const relayout = () => setLayoutTick((n) => n + 1);
    document.addEventListener('selectionchange', schedule);
    // A selection made before these listeners were in place (they are added after the reader's first
    // paint, when a quick reader or a test may already have selected) or whose pending read was
    // cancelled below when the article changed would otherwise never show the toolbar: read it now.
    schedule();
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    window.addEventListener('scroll', relayout, { passive: true, capture: true });
    window.addEventListener('resize', relayout);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
      window.removeEventListener('scroll', relayout, { capture: true });
      window.removeEventListener('resize', relayout);
    };
  }, [update]);

  // Keyboard-only selection: with a block (or a mark in it) focused, Shift+Left/Right select by
  // letter and Ctrl/Alt+Shift+Left/Right by word, starting where the block's text starts. Browsers
  // without caret browsing cannot start a selection in read-only text from the keyboard.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !event.shiftKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
      if (isTyping(event.target)) return;
      const block = document.activeElement?.closest<HTMLElement>('[data-block-id]');
      const text = block?.querySelector('[data-block-text]');
      const selection = document.getSelection();
      if (!block || !text || !articleElement(article.id)?.contains(block) || !selection || typeof selection.modify !== 'function') return;
      if (selection.rangeCount === 0 || !text.contains(selection.anchorNode)) {
        const first = document.createTreeWalker(text, NodeFilter.SHOW_TEXT).nextNode();
        if (!first) return;
        selection.collapse(first, 0);
      }
      event.preventDefault();
      keyboardSelection.current = true;
      selection.modify('extend', event.key === 'ArrowLeft' ? 'left' : 'right', event.ctrlKey || event.altKey ? 'word' : 'character');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [article.id]);

  const done = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setRange(null);
  }, []);

  const highlight = useCallback(
    (color: AnnotationColor) => {
      if (!range) return;
      onHighlight(range, color);
      done();
    },
    [range, onHighlight, done],
  );

  const leave = useCallback(() => {
    if (range) dismissed.current = `${range.start}:${range.end}`;
    const root = articleElement(article.id);
    const block = range && root?.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(range.blockId)}"]`);
    setRange(null);
    // The paragraph shows its ring again only for a selection made from the keyboard.
    returnFocus(block, keyboardSelection.current);
    // Collapse (not clear) the selection: the toolbar stays away, the caret stays where it was.
    document.getSelection()?.collapseToEnd();
  }, [range, article.id]);

  // Shortcuts while a selection is shown. A layout effect: they work from the moment the toolbar is
  // painted, so a key pressed right after it appears is never lost to the browser.
  useLayoutEffect(() => {
    if (!range) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      // A dialog opened from the toolbar (share, note) handles its own keys: Escape closes it.
      if (document.querySelector('dialog[open]')) return;
      const inToolbar = ref.current?.contains(document.activeElement) ?? false;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        leave();
        return;
      }
      if (inToolbar || isTyping(event.target)) return;
      // By key position (readerKey), so h and n work on an Arabic layout too; n writes a note here.
      const key = readerKey(event);
      if (key === 'highlight') {
        event.preventDefault();
        highlight(defaultColor);
      } else if (key === 'next-highlight') {
        event.preventDefault();
        onNote(range);
        done();
      } else if (event.key === 'Tab' && !event.shiftKey) {
        event.preventDefault();
        ref.current?.querySelector<HTMLElement>('button')?.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [range, highlight, defaultColor, onNote, done, leave]);

  // Place the toolbar where it covers no text near the selection: in the margin beside its first
  // line when the margin is wide enough, else docked at the foot of the window (at its head when the
  // selection is down there).
  useLayoutEffect(() => {
    const toolbar = ref.current;
    const root = articleElement(article.id);
    if (!toolbar || !range || !root) return;
    const dom = offsetsToRange(root, article, range);
    if (!dom) return;
    // (Ranges have no geometry in some environments, e.g. jsdom.)
    if (typeof dom.getBoundingClientRect !== 'function') return;
    const rects = typeof dom.getClientRects === 'function' ? [...dom.getClientRects()].filter((r) => r.width > 0) : [];
    const whole = dom.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight, rtl: getComputedStyle(toolbar).direction === 'rtl' };
    const text = root.getBoundingClientRect();
    // In the margin the toolbar wraps to the margin's width (measured after that).
    const room = toolbarMarginRoom(text, viewport);
    toolbar.style.maxInlineSize = room > 0 ? `${room}px` : '';
    const size = { width: toolbar.offsetWidth, height: toolbar.offsetHeight };
    const place = placeToolbar({
      first: rects[0] ?? whole,
      last: rects[rects.length - 1] ?? whole,
      text,
      viewport,
      toolbar: size,
      topLimit: document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0,
      inMargin: room > 0,
    });
    toolbar.style.insetBlockStart = `${Math.round(place.top)}px`;
    toolbar.style.insetInlineStart = `${Math.round(viewport.rtl ? viewport.width - place.left - size.width : place.left)}px`;
    toolbar.dataset.placement = place.placement;
  }, [range, article, layoutTick]);

  if (!range) return null;
  return (
    <div
      ref={ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      data-selection-toolbar=""
      data-selection-start={range.start}
      data-selection-end={range.end}
      // Keep the text selected when a button is pressed with the mouse.
      onPointerDown={(e) => e.preventDefault()}
      onMouseDown={(e) => e.preventDefault()}
    >
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch--${color}`}
          data-action="highlight"
          data-color={color}
          aria-label={t('toolbar.highlight', { color: t(`colors.${color}`) })}
          title={color === defaultColor ? `${t('toolbar.highlight', { color: t(`colors.${color}`) })} (h)` : t('toolbar.highlight', { color: t(`colors.${color}`) })}
          onClick={() => highlight(color)}
        />
      ))}
      <button
        type="button"
        className="button button--small"
        data-action="note"
        title={`${t('toolbar.note')} (n)`}
        onClick={() => {
          onNote(range);
          done();
        }}
      >
        {t('toolbar.note')}
      </button>
      {extraActions?.(range)}
    </div>
  );
}
