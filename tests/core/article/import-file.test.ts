import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import {
  articleIdFor,
  importFromFile,
  importFromHtml,
  importFromText,
  type ImportableFile,
} from '../../../src/core/article/import-file';
import { MAX_IMPORT_BYTES } from '../../../src/core/limits';
import { isArticle } from '../../../src/core/schema/article';
import { bundledText } from './helpers';

const seed = bundledText('putin-raisi-call.txt');

function fakeFile(name: string, content: string | Uint8Array, type = ''): ImportableFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    type,
    size: bytes.byteLength,
    text: async () => new TextDecoder().decode(bytes),
    arrayBuffer: async () => bytes.slice().buffer,
  };
}

function ok(result: Awaited<ReturnType<typeof importFromFile>>): Article {
  if (!result.ok) throw new Error(`import failed: ${result.error}`);
  return result.article;
}

const PARAGRAPHS = [
  'أعلنت وزارة الثقافة في عمّان يوم الأحد عن افتتاح معرض جديد للفنون المعاصرة يضم أعمال ثلاثين فنانًا من الأردن وفلسطين ولبنان.',
  'وقالت مديرة المعرض إن الأعمال المعروضة تتناول قضايا الذاكرة والمدينة والهجرة، وإن المعرض سيستمر حتى نهاية الشهر المقبل.',
  'ويأتي المعرض ضمن برنامج ثقافي واسع يشمل ندوات وعروضًا موسيقية وورش عمل للشباب في عدد من المحافظات الأردنية.',
];

function articleHtml(extra = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><title>افتتاح معرض للفنون في عمّان</title>
  <script>window.__pwned = true</script></head>
  <body onload="window.__pwned = true">
  <nav><a href="/">الرئيسية</a></nav>
  <article>
    <h1>افتتاح معرض للفنون في عمّان</h1>
    <figure><img src="https://evil.example/track.gif" onerror="window.__pwned = true"><figcaption>جانب من المعرض</figcaption></figure>
    <p>${PARAGRAPHS[0]}</p>
    <h2>برنامج ثقافي</h2>
    <p>${PARAGRAPHS[1]} <a href="javascript:window.__pwned=true">اضغط هنا</a></p>
    <blockquote><p>الفن ذاكرة المدينة وصوتها.</p></blockquote>
    <p onclick="window.__pwned = true">${PARAGRAPHS[2]}<script>window.__pwned = true</script></p>
    ${extra}
  </article></body></html>`;
}

describe('importFromText', () => {
  it('parses plain text with a content-derived id', () => {
    const result = importFromText(seed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.id).toBe(articleIdFor(seed));
    expect(result.article.id).toMatch(/^imp-[0-9a-z]+$/);
    expect(isArticle(result.article)).toBe(true);
  });

  it('takes an explicit id', () => {
    expect(importFromText(seed, { id: 'mine' })).toMatchObject({ ok: true, article: { id: 'mine' } });
  });

  it('articleIdFor is stable and content-sensitive', () => {
    expect(articleIdFor(seed)).toBe(articleIdFor(`${seed}`));
    expect(articleIdFor(seed)).not.toBe(articleIdFor(`${seed} `));
  });

  it('rejects empty and binary text', () => {
    expect(importFromText('')).toEqual({ ok: false, error: 'empty' });
    expect(importFromText(' \n\r\n\t ')).toEqual({ ok: false, error: 'empty' });
    expect(importFromText('عنوان\u0000نص')).toEqual({ ok: false, error: 'binary' });
    expect(importFromText('\u0001\u0002\u0003abc\u0004\u0005')).toEqual({ ok: false, error: 'binary' });
  });

  it('rejects text that is too long', () => {
    expect(importFromText('ا'.repeat(MAX_IMPORT_BYTES + 1))).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('importFromFile', () => {
  it('refuses a 20 MB file from its size, without reading it', async () => {
    const file: ImportableFile = {
      name: 'big.txt',
      type: 'text/plain',
      size: 20 * 1024 * 1024,
      text: () => {
        throw new Error('must not be read');
      },
      arrayBuffer: () => {
        throw new Error('must not be read');
      },
    };
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    await expect(importFromFile(file)).resolves.toEqual({ ok: false, error: 'too-large' });
  });

  it('imports .txt files', async () => {
    const article = ok(await importFromFile(fakeFile('story.txt', seed)));
    expect(article.sources).toBe('العربي - أ ف ب');
    expect(article.id).toBe(articleIdFor(seed));
  });

  it('imports .txt files without arrayBuffer, and windows-1256 text', async () => {
    const noBuffer = { ...fakeFile('story.txt', seed), arrayBuffer: undefined };
    expect(ok(await importFromFile(noBuffer)).title).toContain('بوتين');
    // "مرحبا بكم في عمان." in windows-1256
    const cp1256 = new Uint8Array([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xdf, 0xe3, 0x20, 0xdd, 0xed, 0x20, 0xda, 0xe3, 0xc7, 0xe4, 0x2e]);
    expect(ok(await importFromFile(fakeFile('old.txt', cp1256))).title).toBe('مرحبا بكم في عمان.');
  });

  it('rejects empty, binary and unsupported files', async () => {
    await expect(importFromFile(fakeFile('empty.txt', ''))).resolves.toEqual({ ok: false, error: 'empty' });
    await expect(importFromFile(fakeFile('blank.txt', '  \n\n '))).resolves.toEqual({ ok: false, error: 'empty' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await expect(importFromFile(fakeFile('image.txt', png))).resolves.toEqual({ ok: false, error: 'binary' });
    await expect(importFromFile(fakeFile('photo.png', png, 'image/png'))).resolves.toEqual({ ok: false, error: 'unsupported-type' });
    await expect(importFromFile(fakeFile('doc.pdf', '%PDF-1.4', 'application/pdf'))).resolves.toEqual({ ok: false, error: 'unsupported-type' });
    await expect(importFromFile(fakeFile('noext', seed, 'text/plain'))).resolves.toMatchObject({ ok: true });
  });

  it('imports HTML as plain blocks', async () => {
    const article = ok(await importFromFile(fakeFile('page.html', articleHtml(), 'text/html')));
    expect(article.title).toBe('افتتاح معرض للفنون في عمّان');
    expect(article).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(article.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['title', 'افتتاح معرض للفنون في عمّان'],
      ['caption', 'جانب من المعرض'],
      ['paragraph', PARAGRAPHS[0]],
      ['heading', 'برنامج ثقافي'],
      ['paragraph', `${PARAGRAPHS[1]} اضغط هنا`],
      ['quote', 'الفن ذاكرة المدينة وصوتها.'],
      ['paragraph', PARAGRAPHS[2]],
    ]);
    expect(isArticle(article)).toBe(true);
  });

  it('keeps no markup, script, handler, remote load or javascript: link', async () => {
    const article = ok(await importFromFile(fakeFile('page.htm', articleHtml('<p><iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg></p>'))));
    const serialised = JSON.stringify(article);
    for (const bad of ['<', '>', 'script', '__pwned', 'onerror', 'onload', 'onclick', 'javascript', 'evil.example', 'http', 'src=', 'iframe']) {
      expect(serialised).not.toContain(bad);
    }
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('detects language and direction when the document does not say', () => {
    const html = `<html><body><article><h1>Council approves tram line</h1>
      <p>The city council approved a new tram line on Monday evening after a long debate about its cost.</p>
      <p>Construction starts in the autumn and the line should open in 2027, the mayor said.</p></article></body></html>`;
    const result = importFromHtml(html);
    expect(result).toMatchObject({ ok: true, article: { lang: 'en', dir: 'ltr', title: 'Council approves tram line' } });
    if (result.ok) expect(articleText(result.article)).toContain('Construction starts');
  });

  it('reports HTML with no readable article', async () => {
    await expect(importFromFile(fakeFile('nav.html', '<html><body><nav><a href="/">Home</a></nav></body></html>'))).resolves.toEqual({
      ok: false,
      error: 'no-article',
    });
    await expect(importFromFile(fakeFile('s.html', '<html><body><script>var a = 1;</script></body></html>'))).resolves.toEqual({
      ok: false,
      error: 'no-article',
    });
    await expect(importFromFile(fakeFile('e.html', '   '))).resolves.toEqual({ ok: false, error: 'empty' });
  });
});
