import { readFile } from 'node:fs/promises';
import { main, USAGE, type CliIo } from '../src/cli-main.ts';
import { MODEL_PATH } from './paths.ts';

const TEXT = 'قال الرئيس الروسي فلاديمير بوتين في موسكو يوم 22 فبراير إن روسيا وإيران شريكتان.\nووصل وفد من الأمم المتحدة.';

async function run(argv: string[], files: Record<string, string> = { 'news.txt': TEXT }, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const io: CliIo = {
    readFile: async (p) => { if (p in files) return files[p] as string; throw new Error(`ENOENT: no such file, open '${p}'`); },
    readStdin: async () => stdin,
    write: (t) => { out += t; },
    error: (t) => { err += t; },
    version: '9.9.9',
  };
  return { code: await main(argv, io), out, err };
}

describe('arabic-ner command line', () => {
  it('prints spans as JSON with offsets into the file, type, confidence and source', async () => {
    const { code, out } = await run(['news.txt']);
    expect(code).toBe(0);
    const spans = JSON.parse(out) as Array<{ start: number; end: number; type: string; text: string; confidence: number; source: string }>;
    expect(spans.map((s) => [s.text, s.type])).toEqual(expect.arrayContaining([['فلاديمير بوتين', 'PERS'], ['موسكو', 'LOC'], ['الأمم المتحدة', 'ORG']]));
    expect(spans.some((s) => s.type === 'DATE')).toBe(true);
    for (const s of spans) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      expect(s.confidence).toBeGreaterThan(0);
    }
  });
  it('prints TSV and CoNLL, reads standard input, and leaves dates out on request', async () => {
    const tsv = await run(['--format', 'tsv', '--no-dates', '-'], {}, TEXT);
    const rows = tsv.out.trim().split('\n');
    expect(rows[0]).toBe('start\tend\ttype\tconfidence\tsource\ttext');
    expect(rows).toContainEqual(expect.stringMatching(/^\d+\t\d+\tPERS\t[\d.]+\tmodel\tفلاديمير بوتين$/));
    expect(rows.some((r) => r.includes('\tDATE\t'))).toBe(false);
    const conll = await run(['--format', 'conll', 'news.txt']);
    const sentences = conll.out.trim().split('\n\n');
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toContain('فلاديمير\tB-PERS\nبوتين\tI-PERS');
    expect(sentences[1]).toContain('الأمم\tB-ORG\nالمتحدة\tI-ORG');
  });
  it("prints the model's token tags with --tokens", async () => {
    const { out } = await run(['--tokens', 'news.txt']);
    const sentences = JSON.parse(out) as Array<Array<{ text: string; tag: string; confidence: number }>>;
    expect(sentences.flat().find((t) => t.text === 'بوتين')?.tag).toBe('I-PERS');
  });
  it('tags token-per-line files (--input conll), keeping the sentences', async () => {
    const file = 'قال\tO\nفلاديمير\tB-PERS\nبوتين\tI-PERS\n\nفي\nموسكو\n';
    const { out } = await run(['--input', 'conll', 'dev.tsv'], { 'dev.tsv': file });
    expect(out).toBe('قال\tO\nفلاديمير\tB-PERS\nبوتين\tI-PERS\n\nفي\tO\nموسكو\tB-LOC\n');
  });
  it('explains bad usage and unreadable files or models with a non-zero code', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('no file given') });
    expect(await run(['--format', 'xml', 'news.txt'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown format: xml') });
    expect(await run(['--frobnicate', 'news.txt'])).toMatchObject({ code: 2 });
    expect(await run(['missing.txt'])).toMatchObject({ code: 1, err: expect.stringContaining('cannot read missing.txt') });
    expect(await run(['--model', '/nonexistent.bin', 'news.txt'])).toMatchObject({ code: 1, err: expect.stringContaining('cannot load the model') });
    expect(await run(['--help'])).toMatchObject({ code: 0, out: USAGE + '\n' });
    expect(await run(['--version'])).toMatchObject({ code: 0, out: '9.9.9\n' });
  });
  it('loads another model file with --model', async () => {
    expect((await run(['--model', MODEL_PATH, 'news.txt'])).out).toBe((await run(['news.txt'])).out);
    expect(await readFile(MODEL_PATH)).toBeTruthy();
  });
});
