import { Fragment } from 'react';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?،؛]/giu;

/** Pieces of a note: text, and http(s) URLs that may become links. */
export function splitLinks(text: string): { text: string; href?: string }[] {
  const out: { text: string; href?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    let href: string | undefined;
    try {
      const url = new URL(match[0]);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    out.push(href ? { text: match[0], href } : { text: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/**
 * A note rendered as text only: React escapes it, line breaks are kept by CSS (pre-wrap), and only
 * http(s) URLs become links, opened in a new tab without access to this page.
 */
export function NoteText({ text, className = 'note-text' }: { text: string; className?: string }) {
  return (
    <p className={className} dir="auto" data-note-text="">
      {splitLinks(text).map((piece, i) =>
        piece.href ? (
          <a key={i} href={piece.href} target="_blank" rel="noopener noreferrer nofollow" dir="ltr">
            {piece.text}
          </a>
        ) : (
          <Fragment key={i}>{piece.text}</Fragment>
        ),
      )}
    </p>
  );
}
