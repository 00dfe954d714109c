import { SYNC_LIMITS } from '../src/core/limits';

/**
 * Failed sign-ins slow down per (user name, address) with a growing delay: the first few cost
 * nothing, then each attempt from that address for that name waits signInDelayMs, doubling with every
 * further failure up to signInMaxDelayMs. A stranger guessing from elsewhere never slows the reader,
 * and an office behind one address is not locked out by one of its users (or a visitor) mistyping.
 * Nothing is ever locked: a right password after the wait is accepted, and a device holding a valid
 * token skips the wait (sync-server.ts). In memory, per instance.
 */
interface Failures {
  count: number;
  last: number;
}

/** Entries kept at most; past it the longest-untouched go first (a spray of names cannot fill memory). */
const MAX_ENTRIES = 100_000;

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number = Date.now) {}

  private static key(user: string, address: string): string {
    return `${user}\u0000${address}`;
  }

  private static delay(count: number): number {
    if (count < SYNC_LIMITS.signInFreeFailures) return 0;
    return Math.min(SYNC_LIMITS.signInDelayMs * 2 ** (count - SYNC_LIMITS.signInFreeFailures), SYNC_LIMITS.signInMaxDelayMs);
  }

  /** How long (ms) this user name must wait before trying again from this address; 0: now. */
  wait(user: string, address: string): number {
    const entry = this.failures.get(SignInThrottle.key(user, address));
    if (!entry) return 0;
    const until = entry.last + SignInThrottle.delay(entry.count);
    // Long after the last failure, start afresh.
    if (this.now() - entry.last > 2 * SYNC_LIMITS.signInMaxDelayMs) {
      this.failures.delete(SignInThrottle.key(user, address));
      return 0;
    }
    return Math.max(0, until - this.now());
  }

  fail(user: string, address: string): void {
    const key = SignInThrottle.key(user, address);
    const entry = this.failures.get(key);
    this.failures.delete(key);
    this.failures.set(key, { count: (entry?.count ?? 0) + 1, last: this.now() });
    if (this.failures.size > MAX_ENTRIES) this.failures.delete(this.failures.keys().next().value!);
  }

  /** Entries held (bounded by MAX_ENTRIES). */
  get size(): number {
    return this.failures.size;
  }

  succeed(user: string, address: string): void {
    this.failures.delete(SignInThrottle.key(user, address));
  }
}
