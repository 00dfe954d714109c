import { existsSync, readFileSync } from 'node:fs';
import { loadModel, tagTexts, type EntityMention } from '../../../src/core/entities/index.ts';
import { MODEL_PATH } from '../../../scripts/ner/conll.ts';
import { cliticLength } from '../../../src/core/entities/entities.ts';

const model = loadModel(readFileSync(MODEL_PATH));
const find = (ms: EntityMention[], text: string): EntityMention | undefined => ms.find((m) => m.text === text);

describe('tagTexts', () => {
  const texts = [
    'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا بنظيره الإيراني إبراهيم رئيسي.',
    'وقال بوتين إن العلاقات بين روسيا وإيران جيدة، وزار وفد طهران.',
  ];
  const { mentions, entities } = tagTexts(model, texts);

  it('offsets point at the visible text of each block', () => {
    for (const m of mentions) expect(texts[m.block]?.slice(m.start, m.end)).toBe(m.text);
  });
  it('trims a conjunction clitic off the visible span', () => {
    const iran = find(mentions, 'إيران');
    expect(iran).toBeDefined();
    expect(iran?.type).toBe('LOC');
    expect(mentions.some((m) => m.text.startsWith('وإيران'))).toBe(false);
  });
  it('groups a surname with the earlier full name', () => {
    const full = find(mentions, 'فلاديمير بوتين');
    const later = mentions.find((m) => m.block === 1 && m.text === 'بوتين');
    expect(full?.type).toBe('PERS');
    expect(later?.key).toBe(full?.key);
    const putin = entities.find((e) => e.key === full?.key);
    expect(putin?.name).toBe('فلاديمير بوتين');
    expect(putin?.mentions).toBe(2);
  });
  it('finds dates with rules', () => {
    const r = tagTexts(model, ['أقرت بذلك قبل بدء الحرب في أواخر فبراير/ شباط الماضي، ويزور أرمينيا في 22 من الشهر الجاري.']);
    const dates = r.mentions.filter((m) => m.type === 'DATE').map((m) => m.text);
    expect(dates).toContain('فبراير/ شباط');
    expect(dates).toContain('22 من الشهر الجاري');
    expect(r.mentions.every((m) => m.type !== 'DATE' || m.source === 'rules')).toBe(true);
  });
  it("respects the reader's names and non-names, insensitive to diacritics, alef and clitics", () => {
    const r = tagTexts(model, ['وصل شيرين إلى المدينة، ثم التقى بشيرين وزير روسيا.'], {
      names: [{ text: 'شِيرين', type: 'PERS' }],
      nonNames: ['روسيا'],
    });
    const readers = r.mentions.filter((m) => m.source === 'reader');
    expect(readers.map((m) => m.text)).toEqual(['شيرين', 'شيرين']);
    expect(new Set(readers.map((m) => m.key)).size).toBe(1);
    expect(r.mentions.some((m) => m.text === 'روسيا')).toBe(false);
    const r2 = tagTexts(model, ['زار الوفد أنقرة'], { names: [{ text: 'انقرة', type: 'ORG' }] });
    expect(r2.mentions.map((m) => [m.text, m.type, m.source])).toEqual([['أنقرة', 'ORG', 'reader']]);
  });
  it('handles empty input', () => {
    expect(tagTexts(model, [])).toEqual({ mentions: [], entities: [] });
    expect(tagTexts(model, ['', '...', '   '])).toEqual({ mentions: [], entities: [] });
  });
});

describe('cliticLength', () => {
  const known = new Set(['ايران', 'روسيا', 'واشنطن', 'لبنان']);
  const k = (w: string): boolean => known.has(w);
  it('cuts conjunctions and prepositions but not name letters', () => {
    expect(cliticLength('وإيران', k)).toBe(1);
    expect(cliticLength('لروسيا', k)).toBe(1);
    expect(cliticLength('واشنطن', k)).toBe(0);
    expect(cliticLength('لبنان', k)).toBe(0);
    expect(cliticLength('بوتين', k)).toBe(0);
    expect(cliticLength('وبالعاصمة', k)).toBe(2);
    expect(cliticLength('للأمم', k)).toBe(2);
  });
});

const SEED = '/work/shared/seeds/000_543f2c3d62828e27.txt';
describe.skipIf(!existsSync(SEED))('the sample article', () => {
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  const blocks = text.split(/\n\s*\n/);
  const { mentions, entities } = tagTexts(model, blocks);
  const typeOf = (name: string): string | undefined => entities.find((e) => e.name === name)?.type;

  it('finds its heads of state, officials, places and bodies, typed as a reader would', () => {
    for (const p of ['فلاديمير بوتين', 'إبراهيم رئيسي', 'نيكولاي باتروشيف', 'فولوديمير زيلينسكي']) expect(typeOf(p)).toBe('PERS');
    for (const l of ['روسيا', 'إيران', 'طهران', 'موسكو', 'كييف', 'أوكرانيا', 'إندونيسيا', 'أرمينيا', 'الصين', 'الهند', 'واشنطن']) expect(typeOf(l)).toBe('LOC');
    for (const o of ['الكرملين', 'الاتحاد الأوروبي', 'مجموعة العشرين', 'مجلس الأمن']) expect(typeOf(o)).toBe('ORG');
    expect(mentions.some((m) => m.type === 'DATE' && m.text === 'فبراير/ شباط')).toBe(true);
  });
  it('trims glued conjunctions and groups every mention of one person', () => {
    for (const m of mentions) expect(blocks[m.block]?.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.some((m) => /^و(إيران|روسيا|طهران|موسكو|رئيسي)/.test(m.text))).toBe(false);
    const putin = entities.find((e) => e.name === 'فلاديمير بوتين');
    expect(putin?.mentions).toBeGreaterThanOrEqual(5);
    expect(entities.find((e) => e.name === 'إبراهيم رئيسي')?.mentions).toBeGreaterThanOrEqual(3);
  });
});
