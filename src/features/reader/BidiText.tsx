import type { TextDirection } from '../../core/article/article';
import { isolateRuns } from '../../core/decorations/bidi';

/** Text with opposite-direction runs wrapped in <bdi>. */
export function BidiText({ text, dir }: { text: string; dir: TextDirection }) {
  return (
    <>
      {isolateRuns(text, dir).map((piece, i) => (piece.isolate ? <bdi key={i}>{piece.text}</bdi> : piece.text))}
    </>
  );
}
