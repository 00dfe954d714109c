import { selectorsOf, type Annotation } from '../annotations/annotation';
import type { Article } from '../article/article';
import type { Route } from './routes';
import { passageLink, passageFromSelectors } from './share-link';

/** The query parameter that opens an article at one of the reader's notes (its highlight made current). */
export const NOTE_PARAM = 'note';

/** The reader's own note in its article: scrolled to its highlight, which is made the current one. */
export function noteRoute(annotation: Pick<Annotation, 'id' | 'articleId' | 'target'>): Route {
  return { name: 'article', articleId: annotation.articleId, blockId: annotation.target.blockId, params: { [NOTE_PARAM]: annotation.id } };
}

/** The note an article route asks to open at, if any. */
export function noteParam(params: Readonly<Record<string, string>> | undefined): string | undefined {
  const id = params?.[NOTE_PARAM];
  return id && id.length <= 200 ? id : undefined;
}

/**
 * A highlight as a quotation to paste elsewhere: the passage in the quotation marks of its
 * language, the article's title, and a passage link that opens the article with the passage
 * highlighted (for anyone who has the article).
 */
export function quoteWithLink(annotation: Annotation, article: Pick<Article, 'title' | 'lang'> | null, pageUrl: string): string {
  const quote = annotation.target.selectors[0].exact.replace(/\s+/g, ' ').trim();
  const arabic = (article?.lang ?? 'ar').startsWith('ar');
  const lines = [arabic ? `«${quote}»` : `“${quote}”`];
  if (article?.title) lines.push(`— ${article.title.replace(/\s+/g, ' ').trim()}`);
  lines.push(passageLink(annotation.articleId, passageFromSelectors(selectorsOf(annotation)), pageUrl));
  return lines.join('\n');
}
