import { describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { noteParam, noteRoute, quoteWithLink } from '../../../src/core/links/quote-link';
import { receivePassage, passageLinkPlace } from '../../../src/core/links/received-passage';
import { parseRoute, routeToHash } from '../../../src/core/links/routes';

const PAGE = 'https://example.org/hashiya/#/notes';
const article = parsePlainTextArticle(`مهرجان للكتاب في الرباط

افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب في الرباط بمشاركة ناشرين من عشرين دولة.`, { id: 'book-fair' });
const quote = 'معرضًا للكتاب في الرباط';
const at = articleText(article).indexOf(quote);
const note = createAnnotation({ articleId: article.id, selectors: describeRange(article, { start: at, end: at + quote.length }), note: 'ملاحظة' });

describe('quoteWithLink', () => {
  it('quotes the passage in its language’s marks, names the article, and links to the passage highlighted', () => {
    const text = quoteWithLink(note, article, PAGE);
    const [first, second, link] = text.split('\n');
    expect(first).toBe(`«${quote}»`);
    expect(second).toBe(`— ${article.title}`);
    expect(link!.startsWith('https://example.org/hashiya/#/a/book-fair/')).toBe(true);
    // The link, opened, finds the very passage.
    const route = parseRoute(new URL(link!).hash);
    expect(route.name).toBe('article');
    if (route.name !== 'article') return;
    const received = receivePassage(article, passageLinkPlace(route.blockId, route.params));
    expect(received.kind === 'passage' && received.location.status === 'found' && articleText(article).slice(received.location.start, received.location.end)).toBe(quote);
  });

  it('uses English quotation marks for an English article and leaves out an unknown title', () => {
    expect(quoteWithLink(note, { title: 'A fair', lang: 'en' }, PAGE).split('\n')[0]).toBe(`“${quote}”`);
    expect(quoteWithLink(note, null, PAGE).split('\n')).toHaveLength(2);
  });
});

describe('noteRoute', () => {
  it('opens the article at the note and reads back', () => {
    const route = parseRoute(routeToHash(noteRoute(note)));
    expect(route).toMatchObject({ name: 'article', articleId: 'book-fair', blockId: note.target.blockId });
    expect(route.name === 'article' && noteParam(route.params)).toBe(note.id);
    expect(noteParam({ note: 'x'.repeat(201) })).toBeUndefined();
  });
});
