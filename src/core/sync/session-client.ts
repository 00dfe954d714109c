/** Talking to a sync server over HTTP: signing in, and asking for the session as it is now. */
import * as v from 'valibot';
import { sessionSchema, type SyncSession } from '../schema/account';
import { normaliseServerUrl } from './account-store';

/** POST /login: the password goes to the server once and is not kept; the answer is validated. */
export type SignInResult = { readonly ok: true; readonly session: SyncSession } | { readonly ok: false; readonly error: 'wrong' | 'tooMany' | 'unreachable' | 'unexpected' };

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
  if (response.status === 429) return { ok: false, error: 'tooMany' };
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
