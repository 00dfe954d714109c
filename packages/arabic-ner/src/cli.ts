#!/usr/bin/env node
// `npx arabic-ner FILE`: see cli-main.ts.
import { readFile } from 'node:fs/promises';
import { main } from './cli-main.ts';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
process.exitCode = await main(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin,
  write: (text) => { process.stdout.write(text); },
  error: (text) => { process.stderr.write(text); },
  version: pkg.version,
});
