/** A span of text with up to `context` characters on each side, ellipses where it was cut. */
export function passageAround(text: string, start: number, end: number, context = 80): { before: string; match: string; after: string } {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
