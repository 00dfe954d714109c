/** Talking to a sync server over HTTP: signing in, and asking for the session as it is now. */
import * as v from 'valibot';
import { sessionSchema, type SyncSession } from '../schema/account';
import { normaliseServerUrl } from './account-store';

/** POST /login: the password goes to the server once and is not kept; the answer is validated. */
export type SignInResult =
  | { readonly ok: true; readonly session: SyncSession }
  | { readonly ok: false; readonly error: 'wrong' | 'unreachable' | 'unexpected' }
  /** Failed sign-ins from this address slow down (server/sign-in-throttle.ts); `wait` says for how long, when the server said. */
  | { readonly ok: false; readonly error: 'tooMany'; readonly wait?: RetryWait };

/** How long to wait before trying again, in the unit a reader would say it in. */
export interface RetryWait {
  readonly unit: 'seconds' | 'minutes';
  readonly count: number;
}

/** A Retry-After header (seconds) as a wait to show; undefined when absent or not a number of seconds. */
export function retryWait(header: string | null): RetryWait | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  const seconds = Number(header.trim());
  return seconds < 60 ? { unit: 'seconds', count: seconds } : { unit: 'minutes', count: Math.ceil(seconds / 60) };
}

export async function signIn(server: string, user: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch(`${normaliseServerUrl(server)}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: user.trim(), password }),
      credentials: 'omit',
    });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  if (response.status === 401 || response.status === 400) return { ok: false, error: 'wrong' };
  if (response.status === 429) {
    const wait = retryWait(response.headers.get('Retry-After'));
    return wait ? { ok: false, error: 'tooMany', wait } : { ok: false, error: 'tooMany' };
  }
  if (!response.ok) return { ok: false, error: 'unexpected' };
  const session = v.safeParse(sessionSchema, await response.json().catch(() => null));
  return session.success ? { ok: true, session: session.output } : { ok: false, error: 'unexpected' };
}

/** GET /me: the session as the server sees it now (groups change while a reader is signed in). */
export type SessionCheck = { readonly ok: true; readonly session: SyncSession } | { readonly ok: false; readonly error: 'revoked' | 'unreachable' | 'unexpected' };

export async function fetchSession(server: string, token: string): Promise<SessionCheck> {
  let response: Response;
  try {
    response = await fetch(`${normaliseServerUrl(server)}/me`, { headers: { Authorization: `Bearer ${token}` }, credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  if (response.status === 401) return { ok: false, error: 'revoked' };
  if (!response.ok) return { ok: false, error: 'unexpected' };
  const session = v.safeParse(sessionSchema, await response.json().catch(() => null));
  return session.success ? { ok: true, session: session.output } : { ok: false, error: 'unexpected' };
}
