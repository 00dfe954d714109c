// How a passage link and its quote are shown before sharing. Pure TypeScript.

/** A quote longer than this is shown as its start and end with an ellipsis between. */
export const QUOTE_PREVIEW_LENGTH = 280;
const QUOTE_PREVIEW_HEAD = 140;
const QUOTE_PREVIEW_TAIL = 120;
/** The quote's share of the text handed to the system's share sheet. */
const SYSTEM_SHARE_TEXT_LENGTH = 200;

/** The link as people read it (Arabic letters rather than percent escapes); the href stays encoded. */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The quote as the share panel shows it: whole, or its start and end when it is long. */
export function quotePreview(quote: string): string {
  return quote.length > QUOTE_PREVIEW_LENGTH ? `${quote.slice(0, QUOTE_PREVIEW_HEAD)} … ${quote.slice(-QUOTE_PREVIEW_TAIL)}` : quote;
}

/** The text offered with the link to the system's share sheet: the start of the quote. */
export function systemShareText(quote: string): string {
  return quote.slice(0, SYSTEM_SHARE_TEXT_LENGTH);
}
