import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/article';
import { articleText } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { deflate, fromBase64Url, inflate, InflateError, toBase64Url } from '../../../src/core/links/compression';
import { locatePassage, passageDecorations, passageQuoteText } from '../../../src/core/links/passage-anchor';
import { parseRoute, routeToHash } from '../../../src/core/links/routes';
import {
  decodeSharedArticle,
  encodeSharedArticle,
  MAX_INFLATED_BYTES,
  MAX_LINK_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  parsePassageParams,
  passageFromSelectors,
  passageLink,
  sharedArticleLink,
  trimBrokenSurrogates,
  type SharedPassage,
} from '../../../src/core/links/share-link';
import { seededRandom } from 'arabic-ner';

const PAGE = 'https://example.org/hashiya/index.html#/a/old';

const TEXT = `الأحد 3 نوفمبر 2024

مهرجان للكتاب في مدينة الرباط يستقبل آلاف الزوار

افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب في الرباط بمشاركة ناشرين من عشرين دولة 🎉📚 وسط إقبال كبير.

أرقام المعرض

قال المدير العام للمعرض سعيد الإدريسي إن عدد الزوار تجاوز خمسين ألفًا في اليوم الأول، وإن "الكتاب العربي بخير".

وأضاف أن دور النشر الأردنية والمصرية حضرت بقوة هذا العام.

المصادر:
وكالة الأنباء`;

function makeArticle(text = TEXT, id = 'rabat-book-fair'): Article {
  return parsePlainTextArticle(text, { id });
}

/** Selectors for the first occurrence of `quote` in the article. */
function selectionOf(article: Article, quote: string) {
  const text = articleText(article);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in article: ${quote}`);
  return describeRange(article, { start, end: start + quote.length });
}

/** What a recipient's router sees for a link. */
function routeOf(url: string) {
  return parseRoute(url.slice(url.indexOf('#')));
}

function reopen(url: string) {
  const route = routeOf(url);
  if (route.name !== 'article') throw new Error(`not an article route: ${route.name}`);
  return { route, parsed: parsePassageParams(route.blockId, route.params) };
}

describe('passage links', () => {
  const article = makeArticle();

  it('round-trips an Arabic quote with quotation marks, context and a note', () => {
    const quote = 'عدد الزوار تجاوز خمسين ألفًا في اليوم الأول، وإن "الكتاب العربي بخير"';
    const passage = passageFromSelectors(selectionOf(article, quote), 'ملاحظة: رقم مهم & <b>لافت</b>');
    const url = passageLink(article.id, passage, PAGE);
    expect(url.startsWith('https://example.org/hashiya/index.html#/a/rabat-book-fair/')).toBe(true);
    expect(url).toMatch(/\?q=.*&p=.*&s=.*&n=.*&v=2$/);
    // URL-safe: nothing outside the unreserved/percent-encoded set in the query.
    expect(url.split('?')[1]).toMatch(/^[A-Za-z0-9%&=+._~*-]+$/);
    const { route, parsed } = reopen(url);
    expect(parsed).toEqual({ status: 'ok', passage });
    expect(route.name === 'article' && route.blockId).toBe(passage.blockId);
    if (parsed.status !== 'ok') throw new Error('parse failed');
    const found = locatePassage(article, parsed.passage);
    expect(found.status).toBe('found');
    if (found.status === 'found') expect(articleText(article).slice(found.start, found.end)).toBe(quote);
  });

  it('round-trips emoji, including context cut through a surrogate pair', () => {
    const text = articleText(article);
    const quote = 'وسط إقبال كبير';
    // Context of 32 code units ending just after a split emoji on the prefix side.
    const sel = selectionOf(article, quote);
    const passage = passageFromSelectors(sel);
    expect(passage.prefix).toContain('📚');
    const split = passageFromSelectors({ blockId: sel.blockId, quote: { ...sel.quote, prefix: '\udcda' + sel.quote.prefix } });
    expect(split.prefix.charCodeAt(0)).not.toBe(0xdcda);
    const url = passageLink(article.id, passage, PAGE);
    const { parsed } = reopen(url);
    expect(parsed).toEqual({ status: 'ok', passage });
    const emojiQuote = 'دولة 🎉📚 وسط';
    const emojiPassage = passageFromSelectors(selectionOf(article, emojiQuote));
    const again = reopen(passageLink(article.id, emojiPassage, PAGE)).parsed;
    expect(again.status === 'ok' && again.passage.quote).toBe(emojiQuote);
    if (again.status === 'ok') {
      const loc = locatePassage(article, again.passage);
      expect(loc.status === 'found' && text.slice(loc.start, loc.end)).toBe(emojiQuote);
    }
  });

  it('carries a very long passage as its first and last words and expands it back', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `هذه الفقرة رقم ${i} وفيها كلام كثير عن المعرض والكتب والناشرين والزوار من مدن مختلفة ومن بلدان عدة.`);
    const long = makeArticle(`عنوان طويل للمقال\n\n${paragraphs.join('\n\n')}`, 'long-one');
    const text = articleText(long);
    const start = text.indexOf('رقم 1 ');
    const end = text.indexOf('بلدان عدة.', text.indexOf('رقم 9 ')) + 'بلدان عدة.'.length;
    const passage = passageFromSelectors(describeRange(long, { start, end }), '🙂'.repeat(MAX_NOTE_LENGTH));
    expect(end - start).toBeGreaterThan(MAX_QUOTE_LENGTH);
    expect(passage.quoteEnd).toBeDefined();
    expect(passage.quote.length).toBeLessThanOrEqual(150);
    expect(passage.note!.length).toBeLessThanOrEqual(MAX_NOTE_LENGTH);
    expect(trimBrokenSurrogates(passage.note!)).toBe(passage.note);
    const url = passageLink(long.id, passage, PAGE);
    expect(url).toContain('&qe=');
    const { parsed } = reopen(url);
    expect(parsed).toEqual({ status: 'ok', passage });
    if (parsed.status !== 'ok') return;
    const loc = locatePassage(long, parsed.passage);
    expect(loc).toMatchObject({ status: 'found', start, end, method: 'exact' });
    expect(passageQuoteText(parsed.passage)).toContain(' … ');
    // Decorations cut the passage per block, in block offsets.
    if (loc.status === 'found') {
      const marks = passageDecorations(long, loc.start, loc.end, 'x');
      expect(marks.size).toBe(9);
      for (const [blockId, [mark]] of marks) {
        const block = long.blocks.find((b) => b.id === blockId)!;
        expect(mark!.end).toBeLessThanOrEqual(block.text.length);
      }
    }
  });

  it('finds an edited passage fuzzily, and reports a removed one as changed with its block', () => {
    const quote = 'افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب';
    const passage = passageFromSelectors(selectionOf(article, quote));
    const edited = makeArticle(TEXT.replace('مساء الأحد', 'مساء يوم الأحد'));
    const loc = locatePassage(edited, passage);
    expect(loc.status).toBe('found');
    if (loc.status === 'found') expect(loc.method).toBe('fuzzy');

    const removed = makeArticle(TEXT.replace(quote, 'نص مختلف تماما لا علاقة له بما سبق أبدا ولا يشبهه'));
    const gone = locatePassage(removed, { ...passage, blockId: removed.blocks[2]!.id });
    expect(gone).toEqual({ status: 'changed', blockId: removed.blocks[2]!.id });
    expect(locatePassage(removed, { ...passage, blockId: 'p-missing' })).toEqual({ status: 'changed' });
  });

  it('ignores routes without a passage and rejects bad ones', () => {
    expect(parsePassageParams('p-abc', undefined)).toEqual({ status: 'none' });
    expect(parsePassageParams('p-abc', { n: 'x' })).toEqual({ status: 'none' });
    expect(parsePassageParams('p-abc', { q: 'نص', v: '3' })).toEqual({ status: 'invalid', problem: 'version' });
    expect(parsePassageParams('p-abc', { q: '  ' })).toEqual({ status: 'invalid', problem: 'malformed' });
    expect(parsePassageParams('P<script>', { q: 'x' })).toEqual({ status: 'invalid', problem: 'malformed' });
    expect(parsePassageParams('p-abc', { q: 'x'.repeat(MAX_QUOTE_LENGTH + 1) })).toEqual({ status: 'invalid', problem: 'too-large' });
    expect(parsePassageParams('p-abc', { q: 'x', n: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toEqual({ status: 'invalid', problem: 'too-large' });
    // A missing version reads as 1.
    expect(parsePassageParams('p-abc', { q: 'x' })).toMatchObject({ status: 'ok' });
  });

  it('survives a tampered or truncated passage link without throwing', () => {
    const passage = passageFromSelectors(selectionOf(article, 'دور النشر الأردنية والمصرية'));
    const url = passageLink(article.id, passage, PAGE);
    for (let cut = url.indexOf('#'); cut < url.length; cut += 7) {
      const route = routeOf(url.slice(0, cut));
      if (route.name !== 'article') continue;
      const parsed = parsePassageParams(route.blockId, route.params);
      if (parsed.status === 'ok') expect(() => locatePassage(article, parsed.passage)).not.toThrow();
    }
    // Broken percent-encoding in the query is read leniently by URLSearchParams.
    const tampered = routeOf(url.replace('?q=', '?q=%E0%A4%A&x=%'));
    expect(tampered.name).toBe('article');
  });
});

describe('base64url and compression', () => {
  it('round-trips bytes through base64url with no padding', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 255, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    expect(fromBase64Url('ab+c')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });

  it('stops inflating a decompression bomb at the cap', async () => {
    const bomb = await deflate(new Uint8Array(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH * 2);
    await expect(inflate(bomb, MAX_INFLATED_BYTES)).rejects.toEqual(new InflateError('too-large-inflated'));
  });
});

describe('self-contained links', () => {
  const article = makeArticle();

  it('round-trip the article and passage', async () => {
    const passage = passageFromSelectors(selectionOf(article, 'دور النشر الأردنية'), 'انظر هنا 👀');
    const link = await sharedArticleLink(article, passage, PAGE);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url).toMatch(/^https:\/\/example\.org\/hashiya\/index\.html#\/s\?v=1&d=[A-Za-z0-9_-]+$/);
    const route = routeOf(link.url);
    expect(route.name).toBe('shared');
    if (route.name !== 'shared') return;
    expect(routeToHash(route)).toBe(link.url.slice(link.url.indexOf('#')));
    const decoded = await decodeSharedArticle(route.params);
    expect(decoded).toEqual({ ok: true, article, passage });
    const withoutPassage = await decodeSharedArticle({ v: '1', d: await encodeSharedArticle(article) });
    expect(withoutPassage).toEqual({ ok: true, article });
  });

  it('refuses to build a link over the stated limit', async () => {
    // Random-ish text does not compress: a few thousand words of it exceed 32,000 characters.
    const next = seededRandom(7);
    const word = () => Array.from({ length: 6 }, () => String.fromCharCode(0x628 + Math.floor(next() * 30))).join('');
    const paragraphs = Array.from({ length: 60 }, () => Array.from({ length: 80 }, word).join(' ') + '.');
    const big = makeArticle(`عنوان\n\n${paragraphs.join('\n\n')}`, 'big');
    const link = await sharedArticleLink(big, undefined, PAGE);
    expect(link).toMatchObject({ ok: false, reason: 'too-large' });
    expect(link.length).toBeGreaterThan(MAX_LINK_LENGTH);
  });

  it('reject truncated, tampered, oversized, wrong-version and hostile data clearly', async () => {
    const data = await encodeSharedArticle(article);
    const problems = async (d: string, v = '1') => {
      const r = await decodeSharedArticle({ v, d });
      return r.ok ? 'ok' : r.problem;
    };
    expect(await problems(data)).toBe('ok');
    expect(await problems(data.slice(0, Math.floor(data.length / 2)))).toMatch(/damaged|malformed/);
    expect(await problems(data.slice(0, -3))).toMatch(/damaged|malformed/);
    // Flip characters in the middle: the checksum or the decoder catches it.
    const middle = Math.floor(data.length / 2);
    const flipped = data.slice(0, middle) + (data[middle] === 'A' ? 'B' : 'A') + (data[middle + 1] === 'A' ? 'B' : 'A') + data.slice(middle + 2);
    expect(await problems(flipped)).toMatch(/damaged|malformed|invalid-article/);
    expect(await problems('not base64!')).toBe('malformed');
    expect(await problems('')).toBe('malformed');
    expect(await problems(data, '2')).toBe('version');
    expect(await problems('A'.repeat(MAX_LINK_LENGTH + 1))).toBe('too-large');
    expect(await decodeSharedArticle({})).toEqual({ ok: false, problem: 'malformed' });

    const encodeJson = async (value: unknown) => toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(value))));
    expect(await problems(await encodeJson({ v: 2, a: article }))).toBe('version');
    expect(await problems(await encodeJson({ v: 1, a: { ...article, id: '../../etc' } }))).toBe('invalid-article');
    expect(await problems(await encodeJson({ v: 1, a: { ...article, blocks: [] } }))).toBe('invalid-article');
    expect(await problems(await encodeJson([1, 2, 3]))).toBe('malformed');
    expect(await problems(await encodeJson({ v: 1, a: article, p: { b: 'x', q: '' } }))).toBe('malformed');
    expect(await problems(toBase64Url(await deflate(new TextEncoder().encode('{"v":1,'))))).toBe('damaged');
    expect(await problems(toBase64Url(await deflate(Uint8Array.of(0xff, 0xfe, 0x00))))).toBe('damaged');

    // A zip bomb: small enough to fit in a link, far larger than the cap once inflated.
    const bomb = toBase64Url(await deflate(new TextEncoder().encode(`{"v":1,"a":"${' '.repeat(6 * 1024 * 1024)}"}`)));
    expect(bomb.length).toBeLessThan(MAX_LINK_LENGTH);
    expect(await problems(bomb)).toBe('too-large-inflated');
  });

  it('keeps script in the text as inert text', async () => {
    const hostile = makeArticle(`<script>alert(1)</script> عنوان\n\n<img src=x onerror=alert(1)> فقرة.`, 'hostile');
    const passage: SharedPassage = { blockId: hostile.blocks[1]!.id, quote: '<img src=x onerror=alert(1)>', prefix: '', suffix: '', note: '<script>alert(2)</script>' };
    const decoded = await decodeSharedArticle({ v: '1', d: await encodeSharedArticle(hostile, passage) });
    expect(decoded).toEqual({ ok: true, article: hostile, passage });
  });
});
