import { describe, expect, it } from 'vitest';
import { absoluteLink, parseRoute, routeToHash, type Route } from '../../../src/core/links/routes';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { name: 'library' }],
    ['#/', { name: 'library' }],
    ['#/notes', { name: 'notebook' }],
    ['#/a/putin-raisi-call', { name: 'article', articleId: 'putin-raisi-call' }],
    ['#/a/putin-raisi-call/p-036g0n3', { name: 'article', articleId: 'putin-raisi-call', blockId: 'p-036g0n3' }],
    ['#/a/x/p-1?q=%D8%A8%D9%88%D8%AA%D9%8A%D9%86', { name: 'article', articleId: 'x', blockId: 'p-1', params: { q: 'بوتين' } }],
    ['#/s?v=1&d=eJzLSM3JyQcABiwCFQ', { name: 'shared', params: { v: '1', d: 'eJzLSM3JyQcABiwCFQ' } }],
    ['#/s', { name: 'shared', params: {} }],
    ['#/names', { name: 'names' }],
    ['#/names/PERS%3A%D8%A8%D9%88%D8%AA%D9%8A%D9%86', { name: 'entity', key: 'PERS:بوتين' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips article routes with awkward ids and Arabic parameters', () => {
    const route: Route = { name: 'article', articleId: 'imp-a b/c', blockId: 'p-1-2', params: { q: 'روسيا & إيران 🙂' } };
    expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('round-trips entity routes whose keys have spaces, colons and slashes', () => {
    const route: Route = { name: 'entity', key: 'ORG:الامم المتحده/unesco' };
    expect(parseRoute(routeToHash(route))).toEqual(route);
    expect(parseRoute('#/names/a/b').name).toBe('not-found');
  });

  it('round-trips the self-contained route', () => {
    const route: Route = { name: 'shared', params: { v: '1', d: 'abc-_DEF' } };
    expect(routeToHash(route)).toBe('#/s?v=1&d=abc-_DEF');
    expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('treats broken links as not found instead of throwing', () => {
    expect(parseRoute('#/a/%E0%A4%A').name).toBe('not-found');
    expect(parseRoute('#/nowhere/else').name).toBe('not-found');
    expect(parseRoute('#/a/x/y/z').name).toBe('not-found');
  });

  it('builds absolute links on the current page, whatever its folder', () => {
    const link = absoluteLink({ name: 'article', articleId: 'a', blockId: 'p-1' }, 'https://host/some/folder/index.html#/notes');
    expect(link).toBe('https://host/some/folder/index.html#/a/a/p-1');
  });
});
