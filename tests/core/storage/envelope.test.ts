import { describe, expect, it } from 'vitest';
import { openEnvelope } from '../../../src/core/storage/envelope';

describe('openEnvelope', () => {
  const migrations = { 1: (data: unknown) => ({ lifted: data }) };

  it('returns current data as it is and lifts older data through each migration', () => {
    expect(openEnvelope({ v: 2, data: 'x' }, 2, migrations)).toEqual({ ok: true, data: 'x' });
    expect(openEnvelope({ v: 1, data: 'x' }, 2, migrations)).toEqual({ ok: true, data: { lifted: 'x' } });
  });

  it('says why it cannot: not an envelope, a newer version, a missing or failing migration', () => {
    expect(openEnvelope({ data: 'x' }, 1, undefined)).toEqual({ ok: false, problem: 'corrupt' });
    expect(openEnvelope({ v: 3, data: 'x' }, 2, migrations)).toEqual({ ok: false, problem: 'future-version', version: 3 });
    expect(openEnvelope({ v: 1, data: 'x' }, 3, migrations)).toEqual({ ok: false, problem: 'corrupt' });
    expect(openEnvelope({ v: 1, data: 'x' }, 2, { 1: () => { throw new Error('bad'); } })).toEqual({ ok: false, problem: 'corrupt' });
  });
});
