import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { normaliseTimestamp, validateAnnotation } from '../../../src/core/schema/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import { annotationsKey, listAnnotations } from '../../../src/core/annotations/annotation-store';
import { createStore } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

const base = createAnnotation({ articleId: 'art-1', selectors: describeText('نص قصير للاختبار هنا', { start: 0, end: 5 }, 'p-0000001') });

describe('timestamps the schema accepts are timestamps the app can render (issue 15)', () => {
  it.each([
    ['2026-11-29T10:00:00+01', '2026-11-29T09:00:00.000Z'],
    ['2026-11-29T10:00:00 +01:00', '2026-11-29T09:00:00.000Z'],
    ['2026-11-29T10:00:00-0530', '2026-11-29T15:30:00.000Z'],
    ['2026-11-29 10:00:00Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00:00.123456789Z', '2026-11-29T10:00:00.123Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['2026-11-29T10:00:00.000Z', '2026-11-29T10:00:00.000Z'],
  ])('%s is read as %s', (raw, iso) => {
    expect(normaliseTimestamp(raw)).toBe(iso);
    const checked = validateAnnotation({ ...base, created: raw, modified: raw });
    expect(checked.ok && checked.annotation.created).toBe(iso);
    expect(checked.ok && new Date(checked.annotation.modified).toISOString()).toBe(iso);
  });

  it.each(['2026-02-30T10:00:00Z', '2026-11-29T24:00:00Z', '2026-11-29', 'yesterday', '', '0000-01-01T00:00:00+01:00'])('%s is refused', (raw) => {
    expect(normaliseTimestamp(raw)).toBeUndefined();
    expect(validateAnnotation({ ...base, created: raw }).ok).toBe(false);
  });

  it('a stored note with an offset Date cannot parse comes back with a timestamp it can', () => {
    const backend = new MemoryStorage();
    backend.setItem(annotationsKey('art-1'), JSON.stringify({ v: 1, data: { [base.id]: { ...base, modified: '2026-11-29T10:00:00+01' } } }));
    const [note] = listAnnotations(createStore(backend, null), 'art-1');
    expect(note?.modified).toBe('2026-11-29T09:00:00.000Z');
    expect(() => new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(note!.modified))).not.toThrow();
  });

  it('the quick path for what toISOString writes agrees with Date on every such string, possible or not', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        (year, month, day, hour, minute) => {
          const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:59.999Z`;
          const time = Date.parse(value);
          const real = !Number.isNaN(time) && new Date(time).toISOString() === value;
          expect(normaliseTimestamp(value)).toBe(real ? value : undefined);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
