import { describe, expect, it } from 'vitest';
import { planKeyedSync } from '../../../src/core/sync/keyed-sync';

const map = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('planKeyedSync', () => {
  it('sends what is new here and takes what is new there', () => {
    const plan = planKeyedSync({ local: map({ a: '1' }), remote: map({ b: '2' }), base: {} });
    expect(plan).toEqual({ toRemote: ['a'], toLocal: ['b'], removeRemote: [], removeLocal: [], base: { a: '1', b: '2' } });
  });

  it('takes the changed side when only one side changed', () => {
    expect(planKeyedSync({ local: map({ a: '2' }), remote: map({ a: '1' }), base: { a: '1' } }).toRemote).toEqual(['a']);
    expect(planKeyedSync({ local: map({ a: '1' }), remote: map({ a: '2' }), base: { a: '1' } }).toLocal).toEqual(['a']);
  });

  it("gives an entry changed on both sides to the document's version (the last to reach the server)", () => {
    const plan = planKeyedSync({ local: map({ a: 'mine' }), remote: map({ a: 'theirs' }), base: { a: 'old' } });
    expect(plan.toLocal).toEqual(['a']);
    expect(plan.base).toEqual({ a: 'theirs' });
  });

  it('removes on both sides what one side removed and the other kept unchanged', () => {
    const removedThere = planKeyedSync({ local: map({ a: '1' }), remote: map({}), base: { a: '1' } });
    expect(removedThere.removeLocal).toEqual(['a']);
    expect(removedThere.base).toEqual({});
    const removedHere = planKeyedSync({ local: map({}), remote: map({ a: '1' }), base: { a: '1' } });
    expect(removedHere.removeRemote).toEqual(['a']);
  });

  it('brings back an entry removed on one side and changed on the other', () => {
    expect(planKeyedSync({ local: map({ a: '2' }), remote: map({}), base: { a: '1' } }).toRemote).toEqual(['a']);
    expect(planKeyedSync({ local: map({}), remote: map({ a: '2' }), base: { a: '1' } }).toLocal).toEqual(['a']);
  });

  it('agrees on equal entries and forgets entries gone from both sides', () => {
    const plan = planKeyedSync({ local: map({ a: '1' }), remote: map({ a: '1' }), base: { gone: '3' } });
    expect(plan).toEqual({ toRemote: [], toLocal: [], removeRemote: [], removeLocal: [], base: { a: '1' } });
  });
});

describe('planKeyedSync with keys named like Object.prototype members', () => {
  it('keeps `__proto__` and `constructor` as ordinary keys, so a removal is not undone next pass', () => {
    const keys = new Map([
      ['__proto__', '1'],
      ['constructor', '1'],
    ]);
    const first = planKeyedSync({ local: keys, remote: new Map(), base: {} });
    expect(Object.keys(first.base).sort()).toEqual(['__proto__', 'constructor']);
    // Removed here after both sides agreed: removed there too, not brought back.
    const second = planKeyedSync({ local: new Map(), remote: keys, base: first.base });
    expect(second.removeRemote.sort()).toEqual(['__proto__', 'constructor']);
    expect(second.toLocal).toEqual([]);
  });
});
