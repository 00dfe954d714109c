import { readFileSync } from 'node:fs';
import { MODEL_PATH } from '../../../scripts/ner/conll.ts';
import { createTaggerClient } from '../../../src/core/entities/tagger-client.ts';

// The app's tagger: the package's client (its worker and fallbacks are tested in
// packages/arabic-ner/tests/client.test.ts) with the bundled model's URL and the reader's grouping.
const bytes = readFileSync(MODEL_PATH);
const fetchBytes = async (): Promise<ArrayBuffer> => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('app tagger client', () => {
  it('asks for the bundled model and answers with grouped mentions and entities', async () => {
    const urls: string[] = [];
    const client = createTaggerClient({ createWorker: () => null, fetchBytes: (url) => { urls.push(url); return fetchBytes(); } });
    const r = await client.tag(['قال الرئيس الروسي فلاديمير بوتين إن روسيا وإيران شريكتان.', 'وقال بوتين إن الزيارة ناجحة.']);
    expect(urls[0]).toMatch(/^https?:\/\/.*ner-model.*\.bin/);
    const putin = r.entities.find((e) => e.name === 'فلاديمير بوتين');
    expect(putin).toMatchObject({ type: 'PERS', mentions: 2 });
    expect(r.mentions.filter((m) => m.key === putin?.key).map((m) => m.block)).toEqual([0, 1]);
    client.dispose();
  });
});
