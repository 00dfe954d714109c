import { describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { passageLinkPlace, receivedBlockId, receivePassage } from '../../../src/core/links/received-passage';
import { passageFromSelectors, passageParams } from '../../../src/core/links/share-link';

const article = parsePlainTextArticle(
  `مهرجان للكتاب في مدينة الرباط

افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب في الرباط بمشاركة ناشرين من عشرين دولة.

وأضاف أن دور النشر الأردنية والمصرية حضرت بقوة هذا العام.`,
  { id: 'rabat' },
);
const text = articleText(article);
const quote = 'دور النشر الأردنية';
const start = text.indexOf(quote);
const passage = passageFromSelectors(describeRange(article, { start, end: start + quote.length }), 'لاحظ هذا');

describe('passageLinkPlace', () => {
  it('joins the block id and the query, and is the same for the same link', () => {
    expect(passageLinkPlace(undefined, undefined)).toBe('?');
    expect(passageLinkPlace('b-1', { q: 'نص', v: '1' })).toBe(`b-1?${new URLSearchParams({ q: 'نص', v: '1' }).toString()}`);
    expect(passageLinkPlace('b-1', { q: 'نص' })).toBe(passageLinkPlace('b-1', { q: 'نص' }));
  });
});

describe('receivePassage', () => {
  it('is none for a route without a passage', () => {
    expect(receivePassage(article, passageLinkPlace(undefined, undefined))).toEqual({ kind: 'none' });
    expect(receivePassage(article, passageLinkPlace(article.blocks[1]!.id, undefined))).toEqual({ kind: 'none' });
  });

  it('reads the passage from the route and finds it in the article', () => {
    const received = receivePassage(article, passageLinkPlace(passage.blockId, passageParams(passage)));
    expect(received.kind).toBe('passage');
    if (received.kind !== 'passage') return;
    expect(received.passage).toEqual(passage);
    expect(received.location).toMatchObject({ status: 'found', start, end: start + quote.length, blockId: passage.blockId });
    expect(receivedBlockId(received)).toBe(passage.blockId);
  });

  it('uses a passage given by a self-contained link instead of the route', () => {
    const received = receivePassage(article, passageLinkPlace(undefined, undefined), passage);
    expect(received).toMatchObject({ kind: 'passage', passage, location: { status: 'found', start } });
  });

  it('reports a link it cannot read', () => {
    expect(receivePassage(article, passageLinkPlace(undefined, { q: 'نص', v: '99' }))).toEqual({ kind: 'problem', problem: 'version' });
    expect(receivePassage(article, passageLinkPlace('Bad Id', { q: 'نص' }))).toEqual({ kind: 'problem', problem: 'malformed' });
  });

  it('keeps the link’s block when the passage is no longer there', () => {
    const changed = { ...passage, quote: 'جملة لم تعد في المقال', prefix: '', suffix: '' };
    const received = receivePassage(article, passageLinkPlace(changed.blockId, passageParams(changed)));
    expect(received).toMatchObject({ kind: 'passage', location: { status: 'changed', blockId: passage.blockId } });
    expect(receivedBlockId(received)).toBe(passage.blockId);
  });
});

describe('receivedBlockId', () => {
  it('is undefined when no passage was received', () => {
    expect(receivedBlockId({ kind: 'none' })).toBeUndefined();
    expect(receivedBlockId({ kind: 'problem', problem: 'damaged' })).toBeUndefined();
  });
});
