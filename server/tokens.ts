import { createHmac, timingSafeEqual } from 'node:crypto';
import { SYNC_LIMITS } from '../src/core/limits';

/**
 * Session tokens: `base64url(payload).base64url(HMAC-SHA256(payload))`. The payload names the user,
 * the expiry, the user's row id and token version (raised by a password change, so older tokens stop working).
 * Stateless: any instance sharing the database's secret verifies them.
 */
export interface TokenClaims {
  readonly user: string;
  /** Expiry, ms since the epoch. */
  readonly exp: number;
  /** The user's token_version when it was issued. */
  readonly ver: number;
  /**
   * The user's row id: a later user given the same name has another, so a token of a removed user
   * never opens the new one's documents. Tokens issued before it existed lack it (and are refused).
   */
  readonly uid?: string;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function issueToken(claims: TokenClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(body, secret)}`;
}

export type TokenCheck = { readonly ok: true; readonly claims: TokenClaims } | { readonly ok: false; readonly reason: 'malformed' | 'forged' | 'expired' };

export function readToken(token: string, secret: string, now = Date.now()): TokenCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined || token.length > SYNC_LIMITS.tokenLength) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const c = claims as Partial<TokenClaims> | null;
  if (typeof c?.user !== 'string' || typeof c.exp !== 'number' || typeof c.ver !== 'number') return { ok: false, reason: 'malformed' };
  if (c.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { user: c.user, exp: c.exp, ver: c.ver, ...(typeof c.uid === 'string' ? { uid: c.uid } : {}) } };
}
