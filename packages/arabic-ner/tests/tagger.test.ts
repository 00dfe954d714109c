import { readFileSync } from 'node:fs';
import { loadModel, ModelFormatError, TAGS, type Tagger } from '../src/index.ts';
import { MODEL_PATH } from './paths.ts';

const TEXT = 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا وإيران شريكتان. ووصل وفد من الأمم المتحدة.';

describe('loadModel and the Tagger', () => {
  let tagger: Tagger;
  beforeAll(async () => {
    tagger = await loadModel(); // the bundled model, read from disk in Node
  });

  it('loads the bundled model, a path, a file URL or bytes, all the same model', async () => {
    const bytes = readFileSync(MODEL_PATH);
    for (const source of [MODEL_PATH, new URL('../model/ner-model.bin', import.meta.url), bytes, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)]) {
      const other = await loadModel(source as string);
      expect(other.tag(TEXT)).toEqual(tagger.tag(TEXT));
    }
  });
  it('refuses a file that is not a model, with ModelFormatError', async () => {
    await expect(loadModel(new Uint8Array(64))).rejects.toBeInstanceOf(ModelFormatError);
    await expect(loadModel('/nonexistent/model.bin')).rejects.toThrow(/ENOENT/);
  });
  it('tag(text): spans with type, offsets into the text and confidence', () => {
    const spans = tagger.tag(TEXT);
    expect(spans.map((s) => [s.text, s.type])).toEqual(expect.arrayContaining([['فلاديمير بوتين', 'PERS'], ['موسكو', 'LOC'], ['إيران', 'LOC'], ['الأمم المتحدة', 'ORG']]));
    for (const s of spans) {
      expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      expect(s.block).toBe(0);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });
  it('tagDocument(texts): one document over several texts, offsets per text', () => {
    const texts = TEXT.split('. ');
    const spans = tagger.tagDocument(texts);
    for (const s of spans) expect(texts[s.block]?.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(spans.map((s) => s.block))).toEqual(new Set([0, 1]));
  });
  it("tagTokens(text): every token with the model's BIO tag and its probability, sentence by sentence", () => {
    const sentences = tagger.tagTokens(TEXT);
    expect(sentences).toHaveLength(2);
    const tokens = sentences.flat();
    for (const t of tokens) {
      expect(TEXT.slice(t.start, t.end)).toBe(t.text);
      expect(TAGS).toContain(t.tag);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.confidence).toBeLessThanOrEqual(1 + 1e-9);
    }
    const at = (w: string): string | undefined => tokens.find((t) => t.text === w)?.tag;
    expect([at('فلاديمير'), at('بوتين')]).toEqual(['B-PERS', 'I-PERS']);
    expect(at('قال')).toBe('O');
    // Never an I- without its B- before it.
    for (const s of sentences) s.forEach((t, i) => { if (t.tag.startsWith('I-')) expect(s[i - 1]?.tag.slice(2)).toBe(t.tag.slice(2)); });
  });
});
