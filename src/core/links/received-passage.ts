import type { Article } from '../article/article';
import { locatePassage, type PassageLocation } from './passage-anchor';
import { parsePassageParams, type LinkProblem, type SharedPassage } from './share-link';

/** What an article route brought: nothing, a link that cannot be read, or a passage and where it is. */
export type ReceivedPassage =
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly problem: LinkProblem }
  | { readonly kind: 'passage'; readonly passage: SharedPassage; readonly location: PassageLocation };

/**
 * An article route's block id and query parameters as one string (`block?query`): the same link
 * always gives the same string, so it can key memoised work and tell one link from another.
 */
export function passageLinkPlace(blockId: string | undefined, params: Readonly<Record<string, string>> | undefined): string {
  return `${blockId ?? ''}?${params ? new URLSearchParams(params).toString() : ''}`;
}

/**
 * The passage a link brings to `article`: `given` when it came inside a self-contained link, else
 * read from the route's `place` (see passageLinkPlace); found in the article when it is there.
 */
export function receivePassage(article: Article, place: string, given?: SharedPassage): ReceivedPassage {
  let passage = given;
  if (!passage) {
    const [linkBlock = '', query = ''] = place.split('?', 2);
    const parsed = parsePassageParams(linkBlock || undefined, query ? Object.fromEntries(new URLSearchParams(query)) : undefined);
    if (parsed.status === 'none') return { kind: 'none' };
    if (parsed.status === 'invalid') return { kind: 'problem', problem: parsed.problem };
    passage = parsed.passage;
  }
  return { kind: 'passage', passage, location: locatePassage(article, passage) };
}

/** The block to scroll to: where the passage was found, else the link's block when it still exists. */
export function receivedBlockId(received: ReceivedPassage): string | undefined {
  return received.kind === 'passage' ? (received.location.blockId ?? undefined) : undefined;
}
