// npm run ner:neural-data — exports what the neural scorer's trainer (scripts/ner/neural.py)
// learns from: for ANERcorp train, ANERcorp dev and the WikiFANE dev split, each token's gold tag,
// its hashed ids and word-vector strings (neural-features.ts, the code the browser runs) and the
// perceptron's emission scores. Training sentences get the scores and gazetteer of a perceptron
// that never saw them (`ner:train --holdout-fold F --scores-out`, blocks of 100 sentences), so
// the network learns how far to trust the perceptron on unseen text.
// Files go to node_modules/.cache/hashiya-ner/neural (derived data, not in git).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_GROUPS_MASK, type Gazetteer } from '../../packages/arabic-ner/src/features.ts';
import { curatedGazetteer, trainingGazetteer } from '../../packages/arabic-ner/src/gazetteer.ts';
import { neuralInputs, vectorStrings } from '../../packages/arabic-ner/src/neural-features.ts';
import type { LabelledSentence } from '../../packages/arabic-ner/src/perceptron.ts';
import { NUM_TAGS } from '../../packages/arabic-ner/src/tags.ts';
import { DATA_DIR, REPO_ROOT, readConll, toLabelled } from './conll.ts';
import { addWordClasses, curatedLists } from './gazetteers.ts';
import { CLUSTERS_PATH } from './clusters-path.ts';
import { readWikifane } from './wikifane.ts';

const CACHE = join(REPO_ROOT, 'node_modules/.cache/hashiya-ner');
const SCORES = join(CACHE, 'scores');
const OUT = join(CACHE, 'neural');
/** Ids are exported at this width; the trainer folds them to its own table size (low bits). */
const EXPORT_LOG_BUCKETS = 20;
const FOLDS = 5;
const holdoutFold = (i: number): number => Math.floor(i / 100) % FOLDS; // as ner:train --holdout-fold
const PARTIAL = process.argv.includes('--partial');

const anerTrain = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
const dev = toLabelled(readConll(join(DATA_DIR, 'dev.tsv')).sentences);
const wikifane = readWikifane(anerTrain);
const curated = curatedGazetteer(curatedLists());
// The word classes the measured CNN runs used (docs/ner.md, issue 20); --clusters PATH for another table.
const clustersArg = process.argv.indexOf('--clusters');
addWordClasses(curated, clustersArg > 0 ? process.argv[clustersArg + 1] : CLUSTERS_PATH);
const full = trainingGazetteer(anerTrain, curated);
const foldGaz = Array.from({ length: FOLDS }, (_, f) => trainingGazetteer(anerTrain.filter((_, i) => holdoutFold(i) !== f), curated));

function readScores(name: string): { index: number[]; scores: Float32Array } {
  const buf = readFileSync(join(SCORES, `${name}.f32`));
  return { index: JSON.parse(readFileSync(join(SCORES, `${name}.json`), 'utf8')) as number[], scores: new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4) };
}

/** Emission scores per sentence, from the score files of one or more runs. */
function scoresFor(sentences: readonly LabelledSentence[], names: readonly string[]): Float32Array[] {
  const out: Float32Array[] = new Array<Float32Array>(sentences.length);
  for (const name of names) {
    if (PARTIAL && !existsSync(join(SCORES, `${name}.f32`))) continue;
    const { index, scores } = readScores(name);
    let o = 0;
    for (const i of index) {
      const n = (sentences[i] as LabelledSentence).tokens.length * NUM_TAGS;
      out[i] = scores.subarray(o, o + n);
      o += n;
    }
    if (o !== scores.length) throw new Error(`${name}: score file does not match the sentences`);
  }
  if (!PARTIAL) sentences.forEach((_, i) => { if (!out[i]) throw new Error(`no perceptron scores for sentence ${i} (${names.join(', ')})`); });
  return out;
}

function write(name: string, sentences: readonly LabelledSentence[], gazFor: (i: number) => Gazetteer, scores: Float32Array[]): void {
  const lengths = sentences.map((s) => s.tokens.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  const tags = new Uint8Array(total);
  const offsets: number[] = [0];
  const lexEnd = new Int32Array(total);
  const ids: number[] = [];
  const words: string[] = [];
  const sc = new Float32Array(total * NUM_TAGS);
  let t = 0;
  sentences.forEach((s, si) => {
    const x = neuralInputs(s.tokens, gazFor(si), ALL_GROUPS_MASK, EXPORT_LOG_BUCKETS);
    sc.set(scores[si] as Float32Array, t * NUM_TAGS);
    s.tokens.forEach((tok, i) => {
      tags[t] = s.tags[i] as number;
      const base = ids.length;
      for (let k = x.offsets[i] as number; k < (x.offsets[i + 1] as number); k++) ids.push(x.ids[k] as number);
      lexEnd[t] = base + (x.lexEnd[i] as number) - (x.offsets[i] as number);
      offsets.push(ids.length);
      words.push(vectorStrings(tok).join('\t'));
      t++;
    });
  });
  const bin = (suffix: string, a: ArrayBufferView): void => writeFileSync(join(OUT, `${name}.${suffix}`), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  bin('tags.u8', tags);
  bin('offsets.i32', Int32Array.from(offsets));
  bin('lexend.i32', lexEnd);
  bin('ids.i32', Int32Array.from(ids));
  bin('scores.f32', sc);
  writeFileSync(join(OUT, `${name}.words.txt`), words.join('\n') + '\n');
  writeFileSync(join(OUT, `${name}.meta.json`), JSON.stringify({ lengths, logBuckets: EXPORT_LOG_BUCKETS, groups: ALL_GROUPS_MASK }));
  console.log(`${name}: ${sentences.length} sentences, ${total} tokens, ${ids.length} ids`);
}

mkdirSync(OUT, { recursive: true });
const trainScores = scoresFor(anerTrain, Array.from({ length: FOLDS }, (_, f) => `aner-train-fold${f}`));
// --partial: only the training sentences whose fold has been scored so far (for trying the trainer).
const kept = anerTrain.map((_, i) => i).filter((i) => trainScores[i]);
write('aner-train', kept.map((i) => anerTrain[i] as LabelledSentence), (k) => foldGaz[holdoutFold(kept[k] as number)] as Gazetteer, kept.map((i) => trainScores[i] as Float32Array));
write('aner-dev', dev, () => full, scoresFor(dev, ['aner-dev']));
write('wikifane-dev', wikifane.dev, () => full, scoresFor(wikifane.dev, ['wikifane-dev']));
