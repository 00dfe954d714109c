import type { Article } from '../../../src/core/article/article';

export const ARTICLE: Article = {
  id: 'a-test',
  title: 'عنوان المقال التجريبي',
  lang: 'ar',
  dir: 'rtl',
  blocks: [
    { id: 't-1', kind: 'title', text: 'عنوان المقال التجريبي' },
    { id: 'p-1', kind: 'paragraph', text: 'قالت الوزارة إن المعرض استقبل خمسين ألف زائر في يومه الأول.' },
    { id: 'p-2', kind: 'paragraph', text: 'وأضافت أن دور النشر العربية حضرت بقوة هذا العام (Book Fair).' },
  ],
};

/**
 * The reader's markup for an article, as BlockView renders it: the text inside [data-block-text],
 * cut by marks and <bdi>, plus a link control that is not part of the text.
 */
export function ArticleDom({ article = ARTICLE }: { article?: Article }) {
  return (
    <article data-article-id={article.id} dir={article.dir}>
      {article.blocks.map((block) => {
        const cut = Math.min(8, block.text.length);
        return (
          <p key={block.id} id={block.id} data-block-id={block.id} tabIndex={-1}>
            <span data-block-text="">
              <span>
                <mark className="entity">{block.text.slice(0, cut)}</mark>
                {block.text.slice(cut, cut + 10)}
                <bdi>{block.text.slice(cut + 10, cut + 20)}</bdi>
                {block.text.slice(cut + 20)}
              </span>
            </span>
            <a data-action="link-block" href={`#/a/${article.id}/${block.id}`}>
              link
            </a>
          </p>
        );
      })}
    </article>
  );
}

/** Select [start, end) of the article's text in the rendered DOM (through offsetsToRange). */
export function textNodesOf(element: Element): Text[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}
