import { existsSync, readFileSync } from 'node:fs';
import { cliticLength, tagDocument, type NameSpan } from '../src/document.ts';
import { readModel } from '../src/model.ts';
import { MODEL_PATH, SAMPLE_ARTICLE } from './paths.ts';

const model = readModel(readFileSync(MODEL_PATH));
const find = (spans: NameSpan[], text: string): NameSpan | undefined => spans.find((m) => m.text === text);

describe('tagDocument', () => {
  const texts = [
    'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا بنظيره الإيراني إبراهيم رئيسي.',
    'وقال بوتين إن العلاقات بين روسيا وإيران جيدة، وزار وفد طهران.',
  ];
  const spans = tagDocument(model, texts);

  it('gives offsets into the text each span is in, in document order', () => {
    for (const m of spans) expect(texts[m.block]?.slice(m.start, m.end)).toBe(m.text);
    const order = spans.map((m) => m.block * 1e6 + m.start);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  it('trims a conjunction clitic off the visible span', () => {
    expect(find(spans, 'إيران')?.type).toBe('LOC');
    expect(spans.some((m) => m.text.startsWith('وإيران'))).toBe(false);
  });
  it('finds a person by the family name after the full name', () => {
    const full = find(spans, 'فلاديمير بوتين');
    const later = spans.find((m) => m.block === 1 && m.text === 'بوتين');
    expect(full?.type).toBe('PERS');
    expect(later?.type).toBe('PERS');
    expect(later?.words).toEqual(['بوتين']);
  });
  it('gives every span a confidence in [0, 1]; model spans below 1, rules at 1', () => {
    for (const m of spans) expect(m.confidence).toBeGreaterThanOrEqual(0);
    for (const m of spans) expect(m.confidence).toBeLessThanOrEqual(1);
    expect(spans.some((m) => m.source === 'model' && m.confidence < 1)).toBe(true);
  });
  it('finds dates with rules, unless asked not to', () => {
    const text = 'أقرت بذلك قبل بدء الحرب في أواخر فبراير/ شباط الماضي، ويزور أرمينيا في 22 من الشهر الجاري.';
    const dates = tagDocument(model, [text]).filter((m) => m.type === 'DATE');
    expect(dates.map((m) => m.text)).toEqual(expect.arrayContaining(['فبراير/ شباط', '22 من الشهر الجاري']));
    expect(dates.every((m) => m.source === 'rules' && m.confidence === 1)).toBe(true);
    expect(tagDocument(model, [text], { dates: false }).some((m) => m.type === 'DATE')).toBe(false);
  });
  it("respects the caller's names and non-names, insensitive to diacritics, alef and clitics", () => {
    const r = tagDocument(model, ['وصل شيرين إلى المدينة، ثم التقى بشيرين وزير روسيا.'], {
      names: [{ text: 'شِيرين', type: 'PERS' }],
      nonNames: ['روسيا'],
    });
    expect(r.filter((m) => m.source === 'list').map((m) => m.text)).toEqual(['شيرين', 'شيرين']);
    expect(r.some((m) => m.text === 'روسيا')).toBe(false);
    const r2 = tagDocument(model, ['زار الوفد أنقرة'], { names: [{ text: 'انقرة', type: 'ORG' }] });
    expect(r2.map((m) => [m.text, m.type, m.source])).toEqual([['أنقرة', 'ORG', 'list']]);
  });
  it('gives one name one type across the document (majority of the model’s spans)', () => {
    const byWords = new Map<string, Set<string>>();
    for (const m of spans.filter((s) => s.source === 'model')) {
      const k = m.words.join(' ');
      byWords.set(k, (byWords.get(k) ?? new Set()).add(m.type));
    }
    for (const types of byWords.values()) expect(types.size).toBe(1);
  });
  it('handles empty input', () => {
    expect(tagDocument(model, [])).toEqual([]);
    expect(tagDocument(model, ['', '...', '   '])).toEqual([]);
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

describe.skipIf(!existsSync(SAMPLE_ARTICLE))('the sample article', () => {
  const text = existsSync(SAMPLE_ARTICLE) ? readFileSync(SAMPLE_ARTICLE, 'utf8') : '';
  const blocks = text.split(/\n\s*\n/);
  const spans = tagDocument(model, blocks);
  const typeOf = (name: string): string | undefined => spans.find((m) => m.text === name)?.type;

  it('finds its heads of state, officials, places and bodies, typed as a reader would', () => {
    for (const p of ['فلاديمير بوتين', 'إبراهيم رئيسي', 'نيكولاي باتروشيف', 'فولوديمير زيلينسكي']) expect(typeOf(p)).toBe('PERS');
    for (const l of ['روسيا', 'إيران', 'طهران', 'موسكو', 'كييف', 'أوكرانيا', 'إندونيسيا', 'أرمينيا', 'الصين', 'الهند', 'واشنطن']) expect(typeOf(l)).toBe('LOC');
    for (const o of ['الكرملين', 'الاتحاد الأوروبي', 'مجموعة العشرين', 'مجلس الأمن']) expect(typeOf(o)).toBe('ORG');
    expect(spans.some((m) => m.type === 'DATE' && m.text === 'فبراير/ شباط')).toBe(true);
  });
  it('trims glued conjunctions', () => {
    for (const m of spans) expect(blocks[m.block]?.slice(m.start, m.end)).toBe(m.text);
    expect(spans.some((m) => /^و(إيران|روسيا|طهران|موسكو|رئيسي)/.test(m.text))).toBe(false);
  });
});
