// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryWait, signIn } from '../../../src/core/sync/session-client';

afterEach(() => vi.unstubAllGlobals());

describe('signing in while sign-ins from here are slowed down', () => {
  it('reads the server’s Retry-After as a wait in seconds under a minute, in whole minutes from a minute', () => {
    expect(retryWait('1')).toEqual({ unit: 'seconds', count: 1 });
    expect(retryWait('59')).toEqual({ unit: 'seconds', count: 59 });
    expect(retryWait('60')).toEqual({ unit: 'minutes', count: 1 });
    expect(retryWait('900')).toEqual({ unit: 'minutes', count: 15 });
    expect(retryWait('61')).toEqual({ unit: 'minutes', count: 2 });
    for (const header of [null, '', 'soon', '-3', '1.5', 'Wed, 21 Oct 2026 07:28:00 GMT']) expect(retryWait(header)).toBeUndefined();
  });

  it('a 429 answer says how long to wait when the server said, and only that it must wait otherwise', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 429, headers: { 'Retry-After': '4' } }));
    expect(await signIn('https://sync.example.org', 'amal', 'guess')).toEqual({ ok: false, error: 'tooMany', wait: { unit: 'seconds', count: 4 } });
    vi.stubGlobal('fetch', async () => new Response('{}', { status: 429 }));
    expect(await signIn('https://sync.example.org', 'amal', 'guess')).toEqual({ ok: false, error: 'tooMany' });
  });
});
