import * as v from 'valibot';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { SYNC_LIMITS } from '../limits';
import { MAP_VALUE_SCHEMAS, mapKeySchema, SYNCED_MAPS } from './sync-documents';

/**
 * Checks one Yjs update before it touches a document: the server runs this on every message a
 * client sends, the app on what a server sends. Nothing outside the data model gets in: only the
 * known root maps, only plain JSON values (no nested Yjs types, text or binary), and each value
 * valid against the same schemas as local storage. Items placed next to an existing item do not
 * carry their map's name in the update, so their values are checked against the union of schemas.
 */
export type UpdateCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const knownMaps: ReadonlySet<string> = new Set(SYNCED_MAPS);

export function checkUpdate(update: Uint8Array): UpdateCheck {
  if (update.byteLength > SYNC_LIMITS.messageBytes) return { ok: false, reason: `update of ${update.byteLength} bytes is over the limit` };
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return { ok: false, reason: 'update cannot be decoded' };
  }
  for (const struct of structs) {
    if (struct instanceof Y.GC || struct instanceof Y.Skip) continue;
    if (!(struct instanceof Y.Item)) return { ok: false, reason: 'unknown structure' };
    const { parentSub, content } = struct;
    // In a decoded update the parent is a root type's name, the ID of a nested type, or null.
    const parent = struct.parent as unknown;
    if (parent !== null && typeof parent !== 'string') return { ok: false, reason: 'nested types are not part of the data model' };
    if (typeof parent === 'string' && !knownMaps.has(parent)) return { ok: false, reason: `unknown map "${parent.slice(0, 40)}"` };
    if (typeof parent === 'string' && parentSub === null) return { ok: false, reason: 'only map entries are part of the data model' };
    if (parentSub !== null && !v.is(mapKeySchema, parentSub)) return { ok: false, reason: 'invalid key' };
    if (content instanceof Y.ContentDeleted) continue;
    if (!(content instanceof Y.ContentAny)) return { ok: false, reason: 'only plain values are part of the data model' };
    const schemas = typeof parent === 'string' ? [MAP_VALUE_SCHEMAS[parent as keyof typeof MAP_VALUE_SCHEMAS]] : Object.values(MAP_VALUE_SCHEMAS);
    for (const value of content.arr) {
      const refusal = refusalOf(schemas, value);
      if (refusal) return { ok: false, reason: refusal };
    }
  }
  return { ok: true };
}

/**
 * Null when one of the schemas accepts the value, else why not. When the value's map is unknown (an
 * item placed next to an existing one) it is the refusal of the schema that read furthest into it,
 * so "unknown field at annotation.padding" rather than "not any record".
 */
function refusalOf(schemas: readonly v.GenericSchema[], value: unknown): string | null {
  let closest: v.BaseIssue<unknown> | null = null;
  for (const schema of schemas) {
    const result = v.safeParse(schema, value);
    if (result.success) return null;
    const issue = result.issues[0];
    if (!closest || (issue.path?.length ?? 0) > (closest.path?.length ?? 0)) closest = issue;
  }
  const path = closest?.path?.map((p) => String(p.key)).join('.');
  return `invalid value${path ? ` at ${path}` : ''}: ${closest?.message ?? 'not a record'}`;
}

/** Hocuspocus message types (first varUint after the document name). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_CLOSE = 7;
/** y-protocols sync step types: step 1 carries a state vector, step 2 and update carry an update. */
const SYNC_STEP_1 = 0;

/** A client message that passed: the Yjs update it carries (null for messages that carry none). */
export type ClientMessageCheck = { readonly ok: true; readonly update: Uint8Array | null } | { readonly ok: false; readonly reason: string };

/** Checks a whole Hocuspocus message from a client: its size, its type and any update it carries. */
export function checkClientMessage(message: Uint8Array): ClientMessageCheck {
  if (message.byteLength > SYNC_LIMITS.messageBytes) return { ok: false, reason: `message of ${message.byteLength} bytes is over the limit` };
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || type === MESSAGE_SYNC_REPLY) {
      const step = decoding.readVarUint(decoder);
      if (step === SYNC_STEP_1) return { ok: true, update: null };
      const update = decoding.readVarUint8Array(decoder);
      const check = checkUpdate(update);
      return check.ok ? { ok: true, update } : check;
    }
    if (type === MESSAGE_AWARENESS || type === MESSAGE_AUTH || type === MESSAGE_QUERY_AWARENESS || type === MESSAGE_CLOSE) return { ok: true, update: null };
    return { ok: false, reason: `message type ${type} is not accepted` };
  } catch {
    return { ok: false, reason: 'message cannot be decoded' };
  }
}
