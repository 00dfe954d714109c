import * as v from 'valibot';

/**
 * Every stored value, in localStorage or IndexedDB, is an envelope `{ v, data }`: the version of
 * `data`'s shape travels with it, so old values are lifted forward on read. This is the one place
 * that opens an envelope; each store decides what to back up and report when it cannot.
 */
export const envelopeSchema = v.object({ v: v.pipe(v.number(), v.integer(), v.minValue(1)), data: v.unknown() });

/** migrations[n] lifts data stored at version n to version n + 1. */
export type Migrations = Readonly<Record<number, (data: unknown) => unknown>>;

export type Opened =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly problem: 'corrupt' }
  | { readonly ok: false; readonly problem: 'future-version'; readonly version: number };

/** The envelope's data at `version`, migrated forward; not yet validated against its schema. */
export function openEnvelope(value: unknown, version: number, migrations: Migrations | undefined): Opened {
  const envelope = v.safeParse(envelopeSchema, value);
  if (!envelope.success) return { ok: false, problem: 'corrupt' };
  let { v: stored, data } = envelope.output;
  if (stored > version) return { ok: false, problem: 'future-version', version: stored };
  try {
    while (stored < version) {
      const migrate = migrations?.[stored];
      if (!migrate) return { ok: false, problem: 'corrupt' };
      data = migrate(data);
      stored += 1;
    }
  } catch {
    return { ok: false, problem: 'corrupt' };
  }
  return { ok: true, data };
}
