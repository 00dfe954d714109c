/**
 * Bytes to text. For HTML the page's own declaration wins (`<meta charset>` or `http-equiv`
 * Content-Type in the first 4 KB), then a byte-order mark, then detection: valid UTF-8, else
 * windows-1256 (Arabic pages and text files saved by older Windows tools).
 */

export type Decoded = { readonly text: string; readonly encoding: string } | 'binary';

const SNIFF_BYTES = 4_096;

/** The charset a page declares in its first bytes (read as Latin-1, as the HTML spec's prescan does). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return direct?.[1]?.toLowerCase();
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

function bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function decodeBytes(bytes: Uint8Array, format: 'text' | 'html'): Decoded {
  const marked = bom(bytes);
  if (bytes.includes(0) && marked !== 'utf-16le' && marked !== 'utf-16be') return 'binary';
  const declared = format === 'html' && !marked?.startsWith('utf-16') ? declaredCharset(bytes) : undefined;
  const byDeclaration = declared ? decoderFor(declared) : undefined;
  if (byDeclaration) return { text: byDeclaration.decode(bytes), encoding: byDeclaration.encoding };
  if (marked) return { text: new TextDecoder(marked).decode(bytes), encoding: marked };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const arabic = decoderFor('windows-1256');
    if (arabic) return { text: arabic.decode(bytes), encoding: arabic.encoding };
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
}
