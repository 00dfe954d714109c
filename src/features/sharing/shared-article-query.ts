import { useQuery } from '@tanstack/react-query';
import { decodeSharedArticle } from '../../core/links/share-link';
import { sharingKeys } from './query-keys';

/** The article (and passage) carried by a `#/s` link; decoding never throws, it reports a problem. */
export function useSharedArticle(params: Readonly<Record<string, string>>) {
  return useQuery({
    queryKey: sharingKeys.link(params.v ?? '', params.d ?? ''),
    queryFn: () => decodeSharedArticle(params),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
