import type { Article } from '../article/article';

/**
 * An article too large for a link is exported as a file the colleague imports instead. The plain
 * text follows the layout the importer reads: dateline, title, blocks separated by blank lines,
 * and an "المصادر:" line.
 */
export function articleToPlainText(article: Article): string {
  const parts: string[] = [];
  if (article.dateline) parts.push(article.dateline.raw);
  for (const block of article.blocks) parts.push(block.text);
  if (article.sources) parts.push(`المصادر: ${article.sources}`);
  return `${parts.join('\n\n')}\n`;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const TAGS = { title: 'h1', heading: 'h2', lead: 'p', paragraph: 'p', quote: 'blockquote', caption: 'p' } as const;

/** A standalone HTML page of the article (all text escaped; no scripts, no styles from outside). */
export function articleToHtml(article: Article): string {
  const body = article.blocks.map((b) => `<${TAGS[b.kind]}>${escapeHtml(b.text)}</${TAGS[b.kind]}>`);
  const dateline = article.dateline ? [`<p><time${article.dateline.date ? ` datetime="${escapeHtml(article.dateline.date)}"` : ''}>${escapeHtml(article.dateline.raw)}</time></p>`] : [];
  const sources = article.sources ? [`<p>المصادر: ${escapeHtml(article.sources)}</p>`] : [];
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(article.lang)}" dir="${article.dir}">`,
    '<head><meta charset="utf-8">',
    `<title>${escapeHtml(article.title)}</title></head>`,
    '<body><article>',
    ...dateline,
    ...body,
    ...sources,
    '</article></body></html>',
    '',
  ].join('\n');
}

/** A file name for the export: the article id (already URL- and file-safe) plus the extension. */
export function exportFileName(article: Pick<Article, 'id'>, extension: 'txt' | 'html'): string {
  return `${article.id.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100)}.${extension}`;
}
