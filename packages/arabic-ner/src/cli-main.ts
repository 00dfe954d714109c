// The command line: arabic-ner [options] FILE|-  (see usage below). Pure apart from the io it is
// given, so the tests run it in memory.
import { TAGS } from './tags.ts';
import { predictDocument } from './model.ts';
import { loadModel, type Tagger } from './tagger.ts';
import { splitSentences, type NameSpan } from './document.ts';
import { tokenize } from './tokenize.ts';

export const USAGE = `Usage: arabic-ner [options] FILE      (FILE '-' reads standard input)

Finds the names of people (PERS), places (LOC), organisations (ORG), other names (MISC) and, by
rule, dates (DATE) in Arabic text. A file is one document.

Options:
  --format json|tsv|conll  json (default): the spans with offsets (UTF-16, into the file's text),
                           type, confidence and source; tsv: one span a line; conll: one token a
                           line with its BIO tag, a blank line between sentences
  --tokens                 the model's own tag for every token (no rule layers) with its
                           probability, instead of spans
  --input text|conll       conll: the file has one token a line (a tag column, if any, is
                           ignored), blank lines between sentences; prints token<TAB>tag lines
  --no-dates               no DATE spans
  --model PATH             another model file
  -h, --help               this text
  -v, --version            the version`;

export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  write(text: string): void;
  error(text: string): void;
  version: string;
}

type Format = 'json' | 'tsv' | 'conll';

/** Runs the command; returns the exit code (0 done, 1 failed, 2 bad usage). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let format: Format = 'json', input: 'text' | 'conll' = 'text', tokens = false, dates = true;
  let modelPath: string | undefined, file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string | undefined => argv[++i];
    if (a === '-h' || a === '--help') { io.write(USAGE + '\n'); return 0; }
    if (a === '-v' || a === '--version') { io.write(io.version + '\n'); return 0; }
    if (a === '--format') { const f = value(); if (f !== 'json' && f !== 'tsv' && f !== 'conll') return usage(io, `unknown format: ${f ?? '(none)'}`); format = f; }
    else if (a === '--input') { const f = value(); if (f !== 'text' && f !== 'conll') return usage(io, `unknown input: ${f ?? '(none)'}`); input = f; }
    else if (a === '--tokens') tokens = true;
    else if (a === '--no-dates') dates = false;
    else if (a === '--model') { modelPath = value(); if (!modelPath) return usage(io, '--model needs a path'); }
    else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option: ${a}`);
    else if (file === undefined) file = a;
    else return usage(io, 'one file at a time');
  }
  if (file === undefined) return usage(io, 'no file given');
  let text: string, tagger: Tagger;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    io.error(`arabic-ner: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    tagger = await loadModel(modelPath);
  } catch (e) {
    io.error(`arabic-ner: cannot load the model${modelPath ? ` ${modelPath}` : ''}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  text = text.replace(/^\uFEFF/, '');
  if (input === 'conll') io.write(tagConllLines(tagger, text));
  else if (tokens) io.write(formatTokens(tagger, text, format));
  else io.write(formatSpans(text, tagger.tag(text, { dates }), format));
  return 0;
}

function usage(io: CliIo, message: string): number {
  io.error(`arabic-ner: ${message}\n\n${USAGE}\n`);
  return 2;
}

function formatSpans(text: string, spans: readonly NameSpan[], format: Format): string {
  if (format === 'json') return JSON.stringify(spans.map(({ start, end, type, text: t, confidence, source }) => ({ start, end, type, text: t, confidence: round(confidence), source })), null, 1) + '\n';
  if (format === 'tsv') return ['start\tend\ttype\tconfidence\tsource\ttext', ...spans.map((s) => `${s.start}\t${s.end}\t${s.type}\t${round(s.confidence)}\t${s.source}\t${oneLine(s.text)}`)].join('\n') + '\n';
  // CoNLL: each token takes the span it overlaps (B- on the span's first token).
  const toks = tokenize(text);
  let k = 0;
  return splitSentences(text, toks).map(([from, to]) => {
    let prev = -1;
    return toks.slice(from, to).map((t) => {
      while (k < spans.length && (spans[k] as NameSpan).end <= t.start) k++;
      const s = spans[k];
      const inside = s !== undefined && s.start < t.end && t.start < s.end;
      const tag = inside ? `${prev === k ? 'I' : 'B'}-${s.type}` : 'O';
      prev = inside ? k : -1;
      return `${t.text}\t${tag}`;
    }).join('\n');
  }).join('\n\n') + '\n';
}

function formatTokens(tagger: Tagger, text: string, format: Format): string {
  const sentences = tagger.tagTokens(text);
  if (format === 'json') return JSON.stringify(sentences.map((s) => s.map((t) => ({ ...t, confidence: round(t.confidence) }))), null, 1) + '\n';
  if (format === 'tsv') return ['start\tend\ttag\tconfidence\ttoken', ...sentences.flat().map((t) => `${t.start}\t${t.end}\t${t.tag}\t${round(t.confidence)}\t${t.text}`)].join('\n') + '\n';
  return sentences.map((s) => s.map((t) => `${t.text}\t${t.tag}`).join('\n')).join('\n\n') + '\n';
}

/** Token-per-line input: both passes over the file, the model's window of sentences standing in for a document. */
function tagConllLines(tagger: Tagger, text: string): string {
  const rows = text.replace(/\r/g, '').split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const sentences: string[][] = [];
  let cur: string[] = [];
  for (const row of rows) {
    if (row.trim() === '') { if (cur.length) sentences.push(cur); cur = []; continue; }
    const tab = row.indexOf('\t');
    cur.push(tab >= 0 ? row.slice(0, tab) : row);
  }
  if (cur.length) sentences.push(cur);
  const tags = predictDocument(tagger.model, sentences, tagger.model.window);
  return sentences.map((s, i) => s.map((tok, k) => `${tok}\t${TAGS[(tags[i] as Int32Array)[k] as number]}`).join('\n')).join('\n\n') + '\n';
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const oneLine = (s: string): string => s.replace(/[\t\n\r]+/g, ' ');
