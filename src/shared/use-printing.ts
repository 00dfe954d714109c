import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is being printed. Print-only content (the list of notes after an article)
 * is rendered just for printing instead of sitting hidden in every long article's DOM.
 * `beforeprint` renders synchronously (flushSync) so the printout includes it; the print media
 * query covers emulated print media too.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => globalThis.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    const media = globalThis.matchMedia?.('print');
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(media?.matches ?? false);
    const onMedia = (event: MediaQueryListEvent) => (event.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener('change', onMedia);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener('change', onMedia);
    };
  }, []);
  return printing;
}
