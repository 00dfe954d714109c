import { createAnnotation, editAnnotation, type Annotation } from '../../../src/core/annotations/annotation';

/** A note on a short passage, for the sync tests. */
export function note(id: string, text: string, at: string, articleId = 'article-1'): Annotation {
  return createAnnotation({
    id,
    articleId,
    note: text,
    now: new Date(at),
    selectors: {
      blockId: 'p-abc',
      quote: { type: 'TextQuoteSelector', exact: 'نص', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 2 },
    },
  });
}

export function edit(annotation: Annotation, text: string, at: string): Annotation {
  return editAnnotation(annotation, { note: text }, new Date(at));
}
