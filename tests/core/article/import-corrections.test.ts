import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/article';
import { assignBlockIds } from '../../../src/core/article/block-id';
import { applySiteCorrection, CORRECTION_LIMITS, learnCorrection, siteOf, type SiteCorrection } from '../../../src/core/article/import-corrections';
import { readSiteCorrection, siteCorrectionsSpec, writeSiteCorrection } from '../../../src/core/article/import-corrections-store';
import { EMPTY_DROPPED, initialEdits, type ImportDraft } from '../../../src/core/article/import-preview';
import { storageKeys } from '../../../src/core/storage/keys';
import { createStore } from '../../../src/core/storage/storage';
import { spellingForm } from '../../../src/core/text/fold';
import { MemoryStorage } from '../../helpers/memory-storage';

function draft(title: string, body: readonly string[], sources = 'شبكة الخبر · https://news.example/a/1'): ImportDraft {
  const blocks = assignBlockIds([{ kind: 'title', text: title }, ...body.map((text) => ({ kind: 'paragraph' as const, text }))]);
  const article: Article = { id: 'imported-1', title, lang: 'ar', dir: 'rtl', blocks, sources };
  return { article, dropped: EMPTY_DROPPED, url: 'https://news.example/a/1', site: 'news.example', siteName: 'شبكة الخبر', applied: [] };
}

const BODY = ['تابعونا على تلغرام', 'الفقرة الأولى من الخبر.', 'الفقرة الثانية من الخبر.', 'حقوق النشر محفوظة'];
const NOW = new Date('2025-04-06T10:00:00Z');

describe('import corrections (per site)', () => {
  it('the site is the host without www, and nothing for pasted text or a strange address', () => {
    expect(siteOf('https://www.News.Example/a/1')).toBe('news.example');
    expect(siteOf(undefined)).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
    expect(siteOf('https://[::1]/')).toBeUndefined();
  });

  it('learns a title end cut, the lines cut at either end of the body and a renamed site, and applies them next time', () => {
    const first = draft('شبكة الخبر | افتتاح مكتبة عامة', BODY);
    const edits = { ...initialEdits(first), title: 'افتتاح مكتبة عامة', source: 'الخبر', start: 2, end: 3 };
    const learned = learnCorrection(first, edits, undefined, NOW);
    expect(learned).toEqual({ titleAffixes: ['شبكة الخبر'], dropLines: ['تابعونا على تلغرام', 'حقوق النشر محفوظة'], siteName: 'الخبر', updated: NOW.toISOString() });

    const next = applySiteCorrection(draft('شبكة الخبر | معرض للكتاب', ['تابعونا على تلغرام', 'نص جديد.', 'نص آخر.']), learned);
    expect(next.article.title).toBe('معرض للكتاب');
    expect(next.article.blocks.map((b) => b.text)).toEqual(['معرض للكتاب', 'نص جديد.', 'نص آخر.']);
    expect(next.article.sources).toBe('الخبر · https://news.example/a/1');
    expect(next.applied).toEqual(['title', 'blocks', 'site-name']);
  });

  it('remembers nothing when the reader changed nothing, and never cuts a title or a body to nothing', () => {
    const plain = draft('عنوان', BODY);
    expect(learnCorrection(plain, initialEdits(plain), undefined, NOW)).toBeUndefined();
    const everything: SiteCorrection = { titleAffixes: ['عنوان'], dropLines: BODY.map(spellingForm), updated: NOW.toISOString() };
    const kept = applySiteCorrection(plain, everything);
    expect(kept.article.title).toBe('عنوان');
    expect(kept.article.blocks).toHaveLength(BODY.length + 1);
    expect(kept.applied).toEqual([]);
  });

  it('is stored through the adapter, validated on read, and the sites corrected longest ago make room', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    const at = (i: number): SiteCorrection => ({ titleAffixes: ['x'], dropLines: [], updated: new Date(NOW.getTime() + i * 1000).toISOString() });
    for (let i = 0; i <= CORRECTION_LIMITS.sites; i += 1) expect(writeSiteCorrection(store, `site${i}.example`, at(i)).ok).toBe(true);
    const sites = Object.keys(store.readCollection(siteCorrectionsSpec));
    expect(sites).toHaveLength(CORRECTION_LIMITS.sites);
    expect(sites).not.toContain('site0.example');
    expect(readSiteCorrection(store, `site${CORRECTION_LIMITS.sites}.example`)).toEqual(at(CORRECTION_LIMITS.sites));
    expect(readSiteCorrection(store, undefined)).toBeUndefined();

    // A hostile or corrupt record is not trusted: it reads as nothing rather than as a title cut.
    backend.setItem(storageKeys.importCorrections, JSON.stringify({ v: 1, data: { 'evil.example': { titleAffixes: 'not a list', dropLines: [], updated: 'yesterday' } } }));
    expect(readSiteCorrection(createStore(backend, null), 'evil.example')).toBeUndefined();
  });
});
