// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, SOCKET_CLOSE } from '../../../src/core/schema/sync-protocol';
import { readCloseReason } from '../../../src/core/sync/close-reasons';

describe('readCloseReason', () => {
  it('reads every reason the server gives (the schema leaf’s words) into what the engine does', () => {
    expect(readCloseReason(CLOSE_REASONS.signedOut)).toEqual({ kind: 'session', key: 'signedOut' });
    expect(readCloseReason(CLOSE_REASONS.accountRemoved)).toEqual({ kind: 'session', key: 'accountRemoved' });
    for (const reason of [CLOSE_REASONS.notInGroup, CLOSE_REASONS.authorRemoved, CLOSE_REASONS.authorNotInGroup]) expect(readCloseReason(reason)).toEqual({ kind: 'membership' });
    for (const close of [SOCKET_CLOSE.restarting, SOCKET_CLOSE.storageUnavailable, SOCKET_CLOSE.authenticateFirst]) expect(readCloseReason(close.reason)).toEqual({ kind: 'transient' });
    expect(readCloseReason('')).toEqual({ kind: 'transient' });
  });

  it('anything else is the server refusing what this device sent, in its own words', () => {
    expect(readCloseReason('invalid value at annotation.padding: unknown field')).toEqual({ kind: 'refused', detail: 'invalid value at annotation.padding: unknown field' });
  });

  it('every close reason of the protocol is read as something other than a refusal', () => {
    for (const reason of Object.values(CLOSE_REASONS)) expect(readCloseReason(reason).kind).not.toBe('refused');
  });
});
