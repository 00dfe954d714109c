// npm run ner:embed-corpus — the text the word vectors are learnt from, normalised as the tagger
// looks words up (embeddingKey): one sentence a line, words separated by spaces, in two forms:
// whole words (surface.txt) and clitic-stripped stems (stems.txt).
// Text: all of ../shared/data/unlabelled (ANT v1.1, ANT multi-source v2.1; WikiFANE's own text is
// read from its labelled file so its dev split stays out) plus ANERcorp train. Both dev splits are
// left out. The files are derived data under node_modules/.cache, never committed: the
// multi-source corpus's sentences must not be shipped.
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddingKey, stripProclitics } from '../../packages/arabic-ner/src/normalise.ts';
import { tokenize } from '../../packages/arabic-ner/src/tokenize.ts';
import { DATA_DIR, REPO_ROOT, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { EMBED_DIR } from './embed-path.ts';

mkdirSync(EMBED_DIR, { recursive: true });
const surface = createWriteStream(join(EMBED_DIR, 'surface.txt'));
const stems = createWriteStream(join(EMBED_DIR, 'stems.txt'));
let sentences = 0, tokens = 0;
const add = (words: readonly string[]): void => {
  const keys = words.map(embeddingKey).filter(Boolean);
  if (!keys.length) return;
  surface.write(keys.join(' ') + '\n');
  stems.write(keys.map((k) => stripProclitics(k).stem).join(' ') + '\n');
  sentences++;
  tokens += keys.length;
};
const anerTrain = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
for (const file of ['ant-v1.1.txt', 'ant-multisource-v2.1.txt']) {
  for (const line of readFileSync(join(REPO_ROOT, '../shared/data/unlabelled', file), 'utf8').split('\n')) {
    add(tokenize(line).map((t) => t.text));
  }
}
for (const s of readWikifane(anerTrain).train) add(s.tokens);
for (const s of anerTrain) add(s.tokens);
surface.end();
stems.end();
console.log(`${sentences} sentences, ${tokens} words → ${EMBED_DIR}`);
