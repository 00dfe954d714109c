// npm run -s ner:eval -- FILE : conlleval-style exact-span scores of the shipped model.
import { evaluateFile, loadShippedModel } from './run-model.ts';

const file = process.argv[2];
if (!file) { console.error('usage: npm run -s ner:eval -- FILE'); process.exit(2); }
const model = loadShippedModel();
evaluateFile(model, file); // warm-up so throughput reflects steady state
const r = evaluateFile(model, file);
const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
console.log('type   precision  recall      F1   gold  pred');
for (const [t, s] of Object.entries(r.perType)) console.log(`${t.padEnd(5)}  ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(5)}`);
console.log(`micro  ${pct(r.micro.precision)}    ${pct(r.micro.recall)}  ${pct(r.micro.f1)}  ${String(r.micro.tp + r.micro.fn).padStart(5)} ${String(r.micro.tp + r.micro.fp).padStart(5)}`);
console.log(`throughput ${Math.round(r.tokensPerSecond)} tokens/s (${r.tokens} tokens)`);
console.log(`F1 ${r.micro.f1.toFixed(4)}`);
