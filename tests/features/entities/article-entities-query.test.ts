import { describe, expect, it } from 'vitest';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import type { PersonalLists } from '../../../src/core/entities/corrections';
import { taggingRevision } from '../../../src/features/entities/article-entities-query';

const lists: PersonalLists = { names: [], nonNames: [] };

describe('taggingRevision', () => {
  it('is the same for the same text, and changes when a block or the lists change (the text hash is cached per blocks array)', () => {
    const article = parsePlainTextArticle('عنوان\n\nفقرة أولى عن موسكو.\n\nفقرة ثانية.', { id: 'a' });
    const first = taggingRevision(article, lists);
    expect(taggingRevision(article, lists)).toBe(first);
    // A copy with equal text (another blocks array) gives the same revision.
    expect(taggingRevision({ blocks: article.blocks.map((b) => ({ ...b })) }, lists)).toBe(first);
    const edited = { blocks: article.blocks.map((b, i) => (i === 1 ? { ...b, text: `${b.text} وطهران` } : b)) };
    expect(taggingRevision(edited, lists)).not.toBe(first);
    expect(taggingRevision(article, { ...lists, nonNames: ['رئيسي'] })).not.toBe(first);
  });
});
