import { act } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import type { Decoration } from '../../../src/core/decorations/runs';
import { insideWord } from '../../../src/core/decorations/words';
import { ReaderView } from '../../../src/features/reader/ReaderView';
import { paintedText, withHighlightApi } from '../../helpers/highlight-api';
import { renderWithApp } from '../../helpers/render';

const article = parsePlainTextArticle(
  `الخميس 19 Sep / September 2024

عنوان الخبر

وبينما تقول الصين والهند الحليفتان التقليديتان لروسيا إنهما قلقتان، سجل تقارب كبير بين موسكو وطهران.

لكن في مطلع الشهر الجاري أقرّت إيران بتزويدها روسيا بمسيّرات، غير أنها أكّدت ذلك.

المصادر:
العربي`,
  { id: 'paint' },
);
const [, first, second] = article.blocks as [unknown, { id: string; text: string }, { id: string; text: string }];
const at = (text: string, needle: string) => text.indexOf(needle);

/** Every element edge inside a block's text, as offsets into that text. */
function elementEdges(root: Element): number[] {
  const edges: number[] = [];
  for (const el of root.querySelectorAll('*')) {
    const before = root.ownerDocument.createRange();
    before.setStart(root, 0);
    before.setEndBefore(el);
    const start = before.toString().length;
    edges.push(start, start + (el.textContent ?? '').length);
  }
  return edges;
}

afterEach(() => vi.unstubAllGlobals());

describe('painting names and highlights', () => {
  const russia = at(first.text, 'روسيا');
  const name: Decoration = { kind: 'entity', start: russia, end: russia + 'روسيا'.length, id: 'LOC:روسيا', type: 'LOC', mentionIndex: 0 };
  // Imported with its edges inside words: from "زويدها" to "بمس".
  const inside: Decoration = { kind: 'highlight', start: at(second.text, 'زويدها'), end: at(second.text, 'يّرات'), id: 'h-inside', variant: 'green' };

  it('puts no element edge inside a word and paints the exact spans as ranges', async () => {
    const registry = withHighlightApi();
    const decorations = new Map([[first.id, [name]], [second.id, [inside]]]);
    const { container } = await renderWithApp(<ReaderView article={article} decorations={decorations} />);
    for (const block of article.blocks) {
      const root = container.querySelector(`[data-block-id="${block.id}"] [data-block-text]`)!;
      for (const edge of elementEdges(root)) expect(insideWord(block.text, edge), `${block.id} at ${edge}`).toBe(false);
    }
    expect(container.querySelector('mark.entity')).toHaveTextContent(/^لروسيا$/);
    expect(container.querySelector('mark.highlight[data-annotation-id="h-inside"]')).toHaveTextContent(/^بتزويدها روسيا بمسيّرات،$/);
    expect([...registry.get('hashiya-highlight-green')!].map(paintedText)).toEqual(['زويدها روسيا بمس']);
  });

  it('repaints only the block whose marks changed: the others keep their nodes and their ranges', async () => {
    const registry = withHighlightApi();
    let setMarks: (marks: readonly Decoration[]) => void = () => {};
    const firstMarks = [name];
    function Harness() {
      const [marks, set] = useState<readonly Decoration[]>([inside]);
      setMarks = set;
      return <ReaderView article={article} decorations={new Map([[first.id, firstMarks], [second.id, marks]])} />;
    }
    const { container } = await renderWithApp(<Harness />);
    const firstText = container.querySelector(`[data-block-id="${first.id}"] [data-block-text]`)!.firstChild;
    const [before] = registry.get('hashiya-highlight-green')!;
    act(() => setMarks([{ ...inside, variant: 'blue' }]));
    expect(registry.get('hashiya-highlight-green')!.size).toBe(0);
    expect([...registry.get('hashiya-highlight-blue')!].map(paintedText)).toEqual(['زويدها روسيا بمس']);
    expect(container.querySelector(`[data-block-id="${first.id}"] [data-block-text]`)!.firstChild).toBe(firstText);
    expect(before).toBeDefined();
  });

  it('lets the whole-word elements paint where the browser has no Custom Highlight API', async () => {
    const { container } = await renderWithApp(<ReaderView article={article} decorations={new Map([[second.id, [inside]]])} />);
    expect(container.querySelector('mark.highlight.highlight--green')).toHaveTextContent(/^بتزويدها روسيا بمسيّرات،$/);
    expect(document.documentElement.hasAttribute('data-range-paint')).toBe(false);
  });
});
