import * as v from 'valibot';

/**
 * Each schema with objects in it is built twice from one definition: `lenient` drops fields (and
 * tuple items) it does not know — what this app stored, what another tool exported — and `strict`
 * refuses them: every record that travels through sync, checked alike by the server on what a device
 * sends and by the app on what a server sends. Nothing unknown reaches another device, however large.
 */
export interface SchemaMakers {
  readonly object: typeof v.object;
  readonly tuple: typeof v.tuple;
}

export const lenient: SchemaMakers = { object: v.object, tuple: v.tuple };

/** The issue valibot raises for a key or an item the schema does not have (it expects "never" there). */
const unknown = (what: string, otherwise: string) => (issue: v.BaseIssue<unknown>) => (issue.expected === 'never' ? `unknown ${what}` : otherwise);

/** Typed as their lenient twins: the same input and output, unknown keys and items refused instead of dropped. */
export const strict: SchemaMakers = {
  object: ((entries: v.ObjectEntries) => v.strictObject(entries, unknown('field', 'not an object'))) as unknown as typeof v.object,
  tuple: ((items: v.TupleItems) => v.strictTuple(items, unknown('item', 'not a list'))) as unknown as typeof v.tuple,
};
