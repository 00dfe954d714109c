// npm run ner:embed-stems -- NAME — vectors for clitic-stripped stems from the word vectors of
// embed/NAME.vec: each stem's vector is the count-weighted mean of the vectors of the words that
// strip to it (والمدينة, بالمدينة, المدينة → مدينة), so a word missing from the word table can still
// be looked up by its stem. Writes embed/NAME-stems.vec, most frequent stem first.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripProclitics } from '../../packages/arabic-ner/src/normalise.ts';
import { EMBED_DIR } from './embed-path.ts';

const name = process.argv[2] ?? 'surface64';
const stems = new Map<string, { count: number; sum: Float64Array }>();
for (const line of readFileSync(join(EMBED_DIR, `${name}.vec`), 'utf8').split('\n')) {
  const [word, count, vec] = line.split('\t');
  if (!word || !vec) continue;
  const v = vec.split(' ').map(Number);
  const stem = stripProclitics(word).stem;
  let s = stems.get(stem);
  if (!s) stems.set(stem, (s = { count: 0, sum: new Float64Array(v.length) }));
  const c = Number(count);
  s.count += c;
  v.forEach((x, i) => { s.sum[i] = (s.sum[i] as number) + c * x; });
}
const rows = [...stems.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
writeFileSync(join(EMBED_DIR, `${name}-stems.vec`), rows.map(([stem, s]) => `${stem}\t${s.count}\t${[...s.sum].map((x) => (x / s.count).toFixed(5)).join(' ')}`).join('\n') + '\n');
console.log(`${rows.length} stems → ${name}-stems.vec`);
