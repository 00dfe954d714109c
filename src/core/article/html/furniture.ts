/**
 * Page furniture around a news story: share bars, tickers, related-article and most-read boxes,
 * newsletters, comments, breadcrumbs, tag lists, ads. Readability drops most of it; what sits inside
 * the story's own container survives it, so it is removed before Readability runs. Photo captions
 * written as plain elements with a caption class become <figcaption> so they are kept as captions.
 */

const FURNITURE_WORDS =
  /(?:^|[-_\s])(?:share|shares|sharing|social|socials|sharebar|share-bar|related|ticker|breaking|urgent|newsletter|subscribe|comments?|disqus|breadcrumbs?|tags|tag-list|keywords|most-?read|most-?viewed|trending|popular|recommended|read-?more|more-?news|also-?read|advert|advertisement|ads|ad-slot|sponsored|outbrain|taboola|print|toolbar|nav|navbar|menu|sidebar|footer|copyright)(?:$|[-_\s\d])/i;
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'IFRAME']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'toolbar', 'marquee']);
const CAPTION_WORDS = /(?:^|[-_\s])(?:caption|figcaption|wp-caption-text|image-caption|img-caption|photo-caption|pic-caption|credit|photo-desc|image-desc)(?:$|[-_\s])/i;
const NEVER_REMOVED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

function label(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

function isFurniture(element: Element): boolean {
  if (element.tagName === 'MARQUEE') return true;
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (role && FURNITURE_ROLES.has(role)) return true;
  return FURNITURE_WORDS.test(label(element));
}

export interface RemovedFurniture {
  readonly count: number;
  /** A few of the removed texts (for the preview). */
  readonly samples: readonly string[];
}

const isInside = (element: Element, removed: ReadonlySet<Element>) => {
  for (let e: Element | null = element.parentElement; e; e = e.parentElement) if (removed.has(e)) return true;
  return false;
};

/** Removes furniture under `body`, never the story itself: nothing holding the headline or most of the text. */
export function removeFurniture(body: Element): RemovedFurniture {
  const total = (body.textContent ?? '').length;
  const candidates = Array.from(body.querySelectorAll('*')).filter((e) => !NEVER_REMOVED.has(e.tagName) && isFurniture(e));
  const removed = new Set<Element>();
  const samples: string[] = [];
  for (const element of candidates) {
    if (isInside(element, removed)) continue;
    if (element.querySelector('h1')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A container holding a third of the page's text is the story (or its wrapper), whatever its class says.
    if (text.length > total / 3) continue;
    removed.add(element);
    if (text !== '' && samples.length < 20) samples.push(text.length > 200 ? `${text.slice(0, 200)}…` : text);
  }
  for (const element of removed) element.remove();
  return { count: removed.size, samples };
}

/** `<div class="caption">…</div>` and friends become `<figcaption>`; a figure's image alt becomes its caption when it has none. */
export function markCaptions(body: Element): void {
  const doc = body.ownerDocument;
  for (const element of Array.from(body.querySelectorAll('div, p, span, small, em'))) {
    if (!CAPTION_WORDS.test(label(element))) continue;
    const text = (element.textContent ?? '').trim();
    if (text === '' || text.length > 400 || element.closest('figcaption')) continue;
    const caption = doc.createElement('figcaption');
    caption.textContent = text;
    element.replaceWith(caption);
  }
  for (const figure of Array.from(body.querySelectorAll('figure'))) {
    if (figure.querySelector('figcaption')) continue;
    const alt = figure.querySelector('img[alt]')?.getAttribute('alt')?.trim();
    if (!alt) continue;
    const caption = doc.createElement('figcaption');
    caption.textContent = alt;
    figure.append(caption);
  }
}

export interface PlacedCaption {
  readonly text: string;
  /** The text of the first paragraph after the caption in the page, to put the caption back before it. */
  readonly before?: string;
}

/**
 * Captions as the page places them, read before Readability (which drops a lead photo standing
 * outside the story's text container), so each can be put back beside the paragraph it preceded.
 */
export function placedCaptions(body: Element): PlacedCaption[] {
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const placed: { text: string; before?: string }[] = [];
  let waiting: { text: string; before?: string }[] = [];
  // One walk in document order: each caption waits for the first paragraph after it (not inside it).
  for (const element of Array.from(body.querySelectorAll('figcaption, p'))) {
    if (element.tagName === 'FIGCAPTION') {
      const caption = { text: clean(element.textContent) };
      placed.push(caption);
      waiting.push(caption);
    } else if (waiting.length > 0 && !element.closest('figcaption')) {
      const before = clean(element.textContent);
      if (before) for (const caption of waiting) caption.before = before;
      waiting = [];
    }
  }
  return placed.filter((c) => c.text !== '');
}
