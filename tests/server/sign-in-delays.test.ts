// @vitest-environment node
import { expect, it } from 'vitest';
import { SignInThrottle } from '../../server/sign-in-throttle';
import { SYNC_LIMITS } from '../../src/core/limits';

/** The delay schedule alone (no server): free failures, doubling, the cap, forgetting, per (user, address). */
it('waits nothing for the first failures, then doubles up to the cap, per user and address', () => {
  let now = 0;
  const throttle = new SignInThrottle(() => now);
  const delays: number[] = [];
  for (let i = 0; i < SYNC_LIMITS.signInFreeFailures + 12; i += 1) {
    throttle.fail('amal', '10.0.0.1');
    delays.push(throttle.wait('amal', '10.0.0.1'));
  }
  expect(delays.slice(0, SYNC_LIMITS.signInFreeFailures - 1)).toEqual(Array(SYNC_LIMITS.signInFreeFailures - 1).fill(0));
  expect(delays.slice(SYNC_LIMITS.signInFreeFailures - 1, SYNC_LIMITS.signInFreeFailures + 2)).toEqual([1, 2, 4].map((n) => n * SYNC_LIMITS.signInDelayMs));
  expect(Math.max(...delays)).toBe(SYNC_LIMITS.signInMaxDelayMs);
  expect(throttle.wait('amal', '10.0.0.2')).toBe(0);
  expect(throttle.wait('badr', '10.0.0.1')).toBe(0);

  now += SYNC_LIMITS.signInMaxDelayMs;
  expect(throttle.wait('amal', '10.0.0.1')).toBe(0);
  throttle.succeed('amal', '10.0.0.1');
  throttle.fail('amal', '10.0.0.1');
  expect(throttle.wait('amal', '10.0.0.1')).toBe(0);
});

it('forgets old failures and keeps a bounded number of entries', () => {
  let now = 0;
  const throttle = new SignInThrottle(() => now);
  for (let i = 0; i < SYNC_LIMITS.signInFreeFailures + 1; i += 1) throttle.fail('amal', '10.0.0.1');
  expect(throttle.wait('amal', '10.0.0.1')).toBeGreaterThan(0);
  now += 2 * SYNC_LIMITS.signInMaxDelayMs + 1;
  expect(throttle.wait('amal', '10.0.0.1')).toBe(0);

  // A spray of names from many addresses: the oldest entries go first.
  for (let i = 0; i < 100_001; i += 1) throttle.fail(`u${i}`, '10.0.0.9');
  expect(throttle.size).toBe(100_000);
});
