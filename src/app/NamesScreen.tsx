import type { TagOptions } from '../core/entities/entities';
import { getTagger } from '../features/entities/tagger-instance';
import { EntityPage } from '../features/names/EntityPage';
import { NamesPage } from '../features/names/NamesPage';

export interface NamesScreenProps {
  /** An entity's grouping key (#/names/<key>); the names page without it. */
  entityKey?: string;
}

/** The reader's tagger (one worker, one model for the app) lent to the names pages. */
const tag = (texts: readonly string[], options?: TagOptions) => getTagger().tag(texts, options);

export function NamesScreen({ entityKey }: NamesScreenProps) {
  return entityKey === undefined ? <NamesPage tag={tag} /> : <EntityPage key={entityKey} entityKey={entityKey} tag={tag} />;
}
