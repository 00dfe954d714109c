// npm run -s ner:tag -- FILE : prints token<TAB>predicted-tag, one line per input line.
import { readConll } from './conll.ts';
import { loadShippedModel, predictFile } from './run-model.ts';
import { TAGS } from '../../packages/arabic-ner/src/tags.ts';

const file = process.argv[2];
if (!file) { console.error('usage: npm run -s ner:tag -- FILE'); process.exit(2); }
const { sentences, layout } = readConll(file);
const { tags } = predictFile(loadShippedModel(), sentences);
const cursor = sentences.map(() => 0);
const out: string[] = [];
for (const si of layout) {
  if (si === null) { out.push(''); continue; }
  const k = cursor[si] ?? 0;
  cursor[si] = k + 1;
  out.push(`${sentences[si]?.[k]?.token ?? ''}\t${TAGS[tags[si]?.[k] ?? 0] ?? 'O'}`);
}
process.stdout.write(out.join('\n') + '\n');
