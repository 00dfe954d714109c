import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentText, type Decoration, type EntityDecoration, type MarkDecoration } from '../../../src/core/decorations/runs';
import { insideWord, wholeWords } from '../../../src/core/decorations/words';
import { DECORATION_LIMITS } from '../../../src/core/limits';

const text = 'وقال الرئيس فلاديمير بوتين إن روسيا وإيران';

const entity = (start: number, end: number, id = 'e'): EntityDecoration => ({ kind: 'entity', start, end, id, type: 'LOC', mentionIndex: 0 });
const highlight = (start: number, end: number, id = 'h'): MarkDecoration => ({ kind: 'highlight', start, end, id, variant: 'yellow' });

/** Text made of Arabic and Latin letters, a digit, spaces and punctuation, so words and their edges vary. */
const wordyText = fc.array(fc.constantFrom(...'لروسيا وإن،.ab 9'), { maxLength: 40 }).map((cs) => cs.join(''));
const span = fc.tuple(fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

describe('segmentText', () => {
  it('returns one plain run without decorations', () => {
    const segments = segmentText(text, []);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.runs[0]?.text).toBe(text);
  });

  it('keeps an entity whole and splits a highlight that crosses it into runs', () => {
    const putin = text.indexOf('فلاديمير');
    const segments = segmentText(text, [entity(putin, putin + 'فلاديمير بوتين'.length, 'putin'), highlight(5, putin + 4, 'h1')]);
    const entitySegment = segments.find((s) => s.entity);
    expect(entitySegment?.runs.map((r) => r.text)).toEqual(['فلاديمير', ' بوتين']);
    expect(entitySegment?.runs[0]?.marks.map((m) => m.id)).toEqual(['h1']);
    expect(entitySegment?.runs[1]?.marks).toEqual([]);
  });

  it('gives a name written after a clitic an element around the whole word, and keeps its exact span', () => {
    const at = text.indexOf('إيران');
    const segments = segmentText(text, [entity(at, at + 'إيران'.length, 'iran')]);
    const mention = segments.find((s) => s.entity)!;
    expect(text.slice(mention.start, mention.end)).toBe('وإيران');
    expect(mention.entity).toMatchObject({ start: at, end: at + 'إيران'.length });
  });

  it('puts a highlight whose edges fall inside words on whole words, its exact span kept on the mark', () => {
    const from = text.indexOf('رئيس');
    const to = text.indexOf('روسيا') + 2;
    const runs = segmentText(text, [highlight(from, to, 'inside')]).flatMap((s) => s.runs);
    const marked = runs.filter((r) => r.marks.length > 0);
    expect(marked.map((r) => r.text).join('')).toBe('الرئيس فلاديمير بوتين إن روسيا');
    expect(marked[0]?.marks[0]).toMatchObject({ start: from, end: to });
  });

  it('renders only the topmost highlights where thousands cover the same words, and every other kind of mark', () => {
    const many: Decoration[] = Array.from({ length: 5_000 }, (_, i) => highlight(5, 11, `h${i}`));
    const decorations: Decoration[] = [{ kind: 'shared', start: 0, end: 12, id: 'passage' }, ...many, { kind: 'shared', start: 6, end: 8, id: 'second' }];
    const runs = segmentText(text, decorations).flatMap((s) => s.runs);
    const covered = runs.find((r) => r.start === 5)!;
    expect(covered.marks.map((m) => m.id)).toEqual(['passage', ...many.slice(-DECORATION_LIMITS.highlightsPerRun).map((m) => m.id), 'second']);
    // A few overlapping highlights are all kept.
    const few = segmentText(text, many.slice(0, 3)).flatMap((s) => s.runs);
    expect(few.find((r) => r.start === 5)?.marks.map((m) => m.id)).toEqual(['h0', 'h1', 'h2']);
  });

  it('clamps decorations outside the text and drops empty ones', () => {
    const segments = segmentText('ab cd ef', [highlight(-5, 1, 'a'), highlight(4, 4, 'empty'), highlight(7, 99, 'b')]);
    expect(segments[0]?.runs.map((r) => [r.text, r.marks.map((m) => [m.id, m.start, m.end])])).toEqual([
      ['ab', [['a', 0, 1]]],
      [' cd ', []],
      ['ef', [['b', 7, 8]]],
    ]);
  });

  it('never puts an element edge inside a word, reproduces the text, and covers every exact span with its marks', () => {
    fc.assert(
      fc.property(wordyText, fc.array(span, { maxLength: 8 }), fc.array(span, { maxLength: 4 }), (s, highlights, entities) => {
        const decorations: Decoration[] = [...highlights.map(([a, b], i) => highlight(a, b, `h${i}`)), ...entities.map(([a, b], i) => entity(a, b, `e${i}`))];
        const segments = segmentText(s, decorations);
        const runs = segments.flatMap((seg) => seg.runs);
        expect(runs.map((r) => r.text).join('')).toBe(s);
        for (const edge of [...segments.flatMap((seg) => [seg.start, seg.end]), ...runs.flatMap((r) => [r.start, r.end])]) expect(insideWord(s, edge)).toBe(false);
        for (const run of runs) {
          for (const m of run.marks) {
            const words = wholeWords(s, m);
            expect(words.start <= run.start && words.end >= run.end).toBe(true);
          }
        }
        // Every character of a highlight's exact span is in a run that carries it (fewer than the cap here).
        for (const m of decorations) {
          if (m.kind === 'entity') continue;
          for (let i = Math.max(0, m.start); i < Math.min(s.length, m.end); i += 1) {
            expect(runs.find((r) => r.start <= i && r.end > i)?.marks.some((x) => x.id === m.id)).toBe(true);
          }
        }
        // Each mention whose words no earlier mention took has the element of its whole words.
        const mentions = decorations
          .filter((d): d is EntityDecoration => d.kind === 'entity')
          .map((d) => ({ ...d, start: Math.max(0, d.start), end: Math.min(s.length, d.end) }))
          .filter((d) => d.end > d.start)
          .map((d) => ({ id: d.id, ...wholeWords(s, { start: d.start, end: d.end }) }))
          .sort((a, b) => a.start - b.start || b.end - a.end);
        let cursor = 0;
        for (const words of mentions) {
          if (words.start < cursor) continue;
          expect(segments.find((seg) => seg.entity?.id === words.id)).toMatchObject({ start: words.start, end: words.end });
          cursor = words.end;
        }
      }),
    );
  });
});
