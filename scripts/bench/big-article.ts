/**
 * A generated long Arabic article (default 100,000 words) built from the bundled articles' own
 * sentences, plus reader highlights on it — the "worst realistic case" for the browser benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/core/article/article';
import { articleText, blockSpans } from '../../src/core/article/article';
import { assignBlockIds } from '../../src/core/article/block-id';
import { describe } from '../../src/core/annotations/anchoring';
import { createAnnotation, type Annotation } from '../../src/core/annotations/annotation';

let seed = 7;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}

export function bigArticle(root: string, words = 100_000, wordsPerBlock = 80): Article {
  const dir = join(root, 'public/articles');
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\s+/))
    .filter((w) => w.length > 0);
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const start = Math.floor(random() * (corpus.length - wordsPerBlock));
    // A counter keeps every paragraph distinct (ids and anchoring need unique text).
    paragraphs.push(`${corpus.slice(start, start + wordsPerBlock).join(' ')} (${paragraphs.length + 1})`);
    written += wordsPerBlock;
  }
  const blocks = assignBlockIds([{ kind: 'title', text: 'مقال طويل جدًا لقياس الأداء: بوتين وطهران وموسكو' }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))]);
  return { id: 'imp-bench-100k', title: blocks[0]!.text, lang: 'ar', dir: 'rtl', blocks };
}

export function highlightsOn(article: Article, count: number): Annotation[] {
  const spans = blockSpans(article).slice(1);
  const text = articleText(article);
  const colors = ['yellow', 'green', 'blue', 'pink'] as const;
  return Array.from({ length: count }, (_, i) => {
    const span = spans[Math.floor((i / count) * spans.length)]!;
    const start = span.start + Math.floor(random() * Math.max(1, span.end - span.start - 40));
    const end = Math.min(span.end, start + 20 + Math.floor(random() * 20));
    return createAnnotation({
      articleId: article.id,
      selectors: describe(article, { start, end }),
      color: colors[i % colors.length],
      note: i % 3 === 0 ? `ملاحظة رقم ${i} على «${text.slice(start, start + 10)}»` : '',
    });
  });
}
