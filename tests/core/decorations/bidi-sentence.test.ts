import { describe, expect, it } from 'vitest';
import { isolateInSentence } from '../../../src/core/decorations/bidi';

describe('isolateInSentence', () => {
  it('wraps the text in FSI…PDI and drops its own embeddings, overrides and isolates', () => {
    expect(isolateInSentence('عنوان')).toBe('\u2068عنوان\u2069');
    expect(isolateInSentence('\u202Eabc\u2066x\u2069\u2069\u202C')).toBe('\u2068abcx\u2069');
    expect(isolateInSentence('')).toBe('\u2068\u2069');
  });
  it('keeps marks that only set a direction (LRM, RLM, ALM)', () => {
    expect(isolateInSentence('a\u200Fb\u061Cc')).toBe('\u2068a\u200Fb\u061Cc\u2069');
  });
});
