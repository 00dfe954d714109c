import { describe, expect, it } from 'vitest';
import { isolateRuns } from '../../../src/core/decorations/bidi';

describe('isolateRuns', () => {
  it('isolates the Latin part of the sample dateline as one run', () => {
    const pieces = isolateRuns('الخميس 19 Sep / September 2024', 'rtl');
    expect(pieces).toEqual([
      { text: 'الخميس ', isolate: false },
      { text: '19 Sep / September 2024', isolate: true },
    ]);
  });

  it('isolates Arabic inside English text', () => {
    const pieces = isolateRuns('The word حاشية means margin note.', 'ltr');
    expect(pieces.filter((p) => p.isolate).map((p) => p.text)).toEqual(['حاشية']);
  });

  it('loses no character', () => {
    const text = 'قال Reuters إن 3.5% من G20 (مجموعة العشرين) وافقوا';
    expect(isolateRuns(text, 'rtl').map((p) => p.text).join('')).toBe(text);
  });
});
