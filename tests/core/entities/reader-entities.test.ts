import { describe, expect, it } from 'vitest';
describe('nameMatcher (filter boxes)', () => {
  it('reads at most FILTER_LIMITS of a query, normalised once for the whole list', async () => {
    const { nameMatcher } = await import('../../../src/core/entities/reader-entities');
    const { FILTER_LIMITS } = await import('../../../src/core/limits');
    // A 66,000-character paste: only its first FILTER_LIMITS.query characters are a query.
    const huge = `طهران${' '.repeat(FILTER_LIMITS.query)}${'ب'.repeat(66_000)}`;
    const matches = nameMatcher(huge);
    expect(matches('طهران')).toBe(true);
    expect(matches('موسكو')).toBe(false);
    expect(nameMatcher('بطهران')('طَهران')).toBe(true);
    expect(nameMatcher('')('أي اسم')).toBe(true);
  });
});
