import { createValueStore } from './value-store';

/**
 * Bumped when the sync account is saved, removed or its groups change, so the sync runtime starts
 * or stops its engine and what shows the reader's groups (the selection toolbar) renders again.
 * Here rather than in features/sync because other features listen to it.
 */
export const syncAccountChanges = createValueStore(0);
