import { existsSync, readFileSync } from 'node:fs';
import { readModel, type NameSpan } from 'arabic-ner';
import { MODEL_PATH, REPO_ROOT } from '../../../scripts/ner/conll.ts';
import { groupMentions, tagTexts, type EntityMention } from '../../../src/core/entities/entities.ts';

// The reader's side of tagging: the package's spans grouped into entities (the engine itself is
// tested in packages/arabic-ner/tests).
const model = readModel(readFileSync(MODEL_PATH));
const find = (ms: EntityMention[], text: string): EntityMention | undefined => ms.find((m) => m.text === text);
const span = (text: string, type: NameSpan['type'], words: string[], extra: Partial<NameSpan> = {}): NameSpan =>
  ({ block: 0, start: 0, end: text.length, type, text, source: 'model', confidence: 0.9, words, ...extra });

describe('groupMentions', () => {
  it("gives a person's shorter name the key of the longest full name containing it", () => {
    const { mentions, entities } = groupMentions([
      span('فلاديمير بوتين', 'PERS', ['فلاديمير', 'بوتين']),
      span('بوتين', 'PERS', ['بوتين'], { block: 1 }),
      span('بوتين', 'LOC', ['بوتين'], { block: 2 }),
    ]);
    expect(mentions[1]?.key).toBe(mentions[0]?.key);
    expect(mentions[2]?.key).not.toBe(mentions[0]?.key); // only people join a longer name
    expect(entities.find((e) => e.key === mentions[0]?.key)).toMatchObject({ type: 'PERS', name: 'فلاديمير بوتين', mentions: 2 });
  });
  it('names an entity by its longest visible form, then its most frequent', () => {
    const { entities } = groupMentions([
      span('الأمم المتحدة', 'ORG', ['امم', 'المتحده']),
      span('الأُمم المتّحدة', 'ORG', ['امم', 'المتحده']),
      span('الأمم المتحدة', 'ORG', ['امم', 'المتحده']),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]?.name).toBe('الأُمم المتّحدة');
    expect(groupMentions([span('غزة', 'LOC', ['غزه']), span('غزه', 'LOC', ['غزه']), span('غزه', 'LOC', ['غزه'])]).entities[0]?.name).toBe('غزه');
  });
  it("marks the caller's names as the reader's and keeps confidence and offsets", () => {
    const { mentions } = groupMentions([span('شيرين', 'PERS', ['شيرين'], { source: 'list', confidence: 1, start: 4, end: 9 })]);
    expect(mentions[0]).toMatchObject({ source: 'reader', confidence: 1, start: 4, end: 9, key: 'PERS:شيرين' });
  });
});

describe('tagTexts (tagging + grouping)', () => {
  const texts = [
    'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا بنظيره الإيراني إبراهيم رئيسي.',
    'وقال بوتين إن العلاقات بين روسيا وإيران جيدة، وزار وفد طهران.',
  ];
  const { mentions, entities } = tagTexts(model, texts);
  it('groups a surname with the earlier full name', () => {
    const full = find(mentions, 'فلاديمير بوتين');
    const later = mentions.find((m) => m.block === 1 && m.text === 'بوتين');
    expect(later?.key).toBe(full?.key);
    expect(entities.find((e) => e.key === full?.key)).toMatchObject({ name: 'فلاديمير بوتين', mentions: 2 });
  });
  it("respects the reader's names and non-names", () => {
    const r = tagTexts(model, ['وصل شيرين إلى المدينة، ثم التقى بشيرين وزير روسيا.'], { names: [{ text: 'شِيرين', type: 'PERS' }], nonNames: ['روسيا'] });
    const readers = r.mentions.filter((m) => m.source === 'reader');
    expect(readers.map((m) => m.text)).toEqual(['شيرين', 'شيرين']);
    expect(new Set(readers.map((m) => m.key)).size).toBe(1);
    expect(r.mentions.some((m) => m.text === 'روسيا')).toBe(false);
  });
  it('handles empty input', () => {
    expect(tagTexts(model, [])).toEqual({ mentions: [], entities: [] });
  });
});

const SEED = `${REPO_ROOT}/../shared/seeds/000_543f2c3d62828e27.txt`;
describe.skipIf(!existsSync(SEED))('the sample article', () => {
  const blocks = (existsSync(SEED) ? readFileSync(SEED, 'utf8') : '').split(/\n\s*\n/);
  const { entities } = tagTexts(model, blocks);
  it('groups every mention of one person', () => {
    expect(entities.find((e) => e.name === 'فلاديمير بوتين')?.mentions).toBeGreaterThanOrEqual(5);
    expect(entities.find((e) => e.name === 'إبراهيم رئيسي')?.mentions).toBeGreaterThanOrEqual(3);
    expect(entities.find((e) => e.name === 'إبراهيم رئيسي')?.type).toBe('PERS');
  });
});
