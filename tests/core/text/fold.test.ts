import { describe, expect, it } from 'vitest';
import { FILTER_LIMITS } from '../../../src/core/limits';
import { fold, foldText, matchesName, matchesQuery, nameMatcher, queryTerms, wordForms, words } from '../../../src/core/text/fold';

const finds = (text: string, query: string) => matchesQuery(foldText(text), queryTerms(query));

describe('folding levels', () => {
  it('display: what the eye sees as equal (NFC, invisible formatting, spacing)', () => {
    expect(fold('  الرئيس\u200f  الروسي\u200b ', 'display')).toBe('الرئيس الروسي');
    expect(fold('e\u0301', 'display')).toBe('é');
    // Diacritics are visible: they stay at this level.
    expect(fold('الاقْتِصَادُ', 'display')).toBe('الاقْتِصَادُ');
  });

  it('spelling: diacritics, tatweel, alef with hamza or madda, digits and case', () => {
    expect(fold('الاقْتِصَادُ', 'spelling')).toBe('الاقتصاد');
    expect(fold('الوزيـــر ـ Putin', 'spelling')).toBe('الوزير putin');
    expect(fold('أحمد إبراهيم آمال ٱلله', 'spelling')).toBe('احمد ابراهيم امال الله');
    expect(fold('عام ٢٠٢٤ و۱۹', 'spelling')).toBe('عام 2024 و19');
    // The other seats and letter variants are still told apart here.
    expect(fold('مؤتمر مدرسة مستشفى', 'spelling')).toBe('مؤتمر مدرسة مستشفى');
  });

  it('search: hamza on every seat, ى/ي, ة/ه, Persian letters, Latin accents', () => {
    expect(fold('مؤتمر', 'search')).toBe(fold('موتمر', 'search'));
    expect(fold('رئيس', 'search')).toBe('رييس');
    expect(fold('سماء', 'search')).toBe('سما');
    expect(fold('هيئة', 'search')).toBe('هييه');
    expect(fold('مصطفى', 'search')).toBe(fold('مصطفي', 'search'));
    expect(fold('مدرسة', 'search')).toBe(fold('مدرسه', 'search'));
    expect(fold('کی', 'search')).toBe('كي');
    expect(fold('Café  The IMF', 'search')).toBe('cafe the imf');
  });

  it('stem: the proclitics و ف ب ل ك, لل and ال come off, a stem keeps two letters', () => {
    expect(fold('للاستخدام', 'stem')).toBe('استخدام');
    expect(fold('الاستخدام', 'stem')).toBe('استخدام');
    expect(fold('وبالرئيس', 'stem')).toBe('رييس');
    expect(fold('بطهران وطهران فطهران', 'stem')).toBe('طهران طهران طهران');
    expect(fold('كالبحر', 'stem')).toBe('بحر');
    // Short words keep their first letters: «ولد», «بلد», «الف» are words, not clitic + stem.
    expect(fold('ولد بلد الف', 'stem')).toBe('ولد بلد الف');
  });

  it('names: long vowels and doubled letters inside a name, as transliterations differ', () => {
    expect(fold('نتانياهو', 'names')).toBe(fold('نتنياهو', 'names'));
    expect(fold('بوتين', 'names')).toBe(fold('بوتن', 'names'));
    expect(fold('حسّان', 'names')).toBe(fold('حسان', 'names'));
    expect(fold('موسكو', 'names')).not.toBe(fold('مسقط', 'names'));
  });

  it('each level is coarser than the one before (folding again changes nothing)', () => {
    const text = 'وَقالَ الرَّئيسُ «للاستخدام» في مؤتمرٍ، ٢٠٢٤ — Café';
    let previous = text;
    for (const level of ['display', 'spelling', 'search', 'stem', 'names'] as const) {
      const folded = fold(previous, level);
      expect(fold(folded, level), level).toBe(folded);
      previous = folded;
    }
  });

  it('words and word forms', () => {
    expect(words('قال: «للاستخدام» في الحرب.', 'search')).toEqual(['قال', 'للاستخدام', 'في', 'الحرب']);
    expect(words('قال: للاستخدام', 'stem')).toEqual(['قال', 'استخدام']);
    expect(wordForms('بالرئيس')).toEqual({ search: 'بالرييس', stem: 'رييس', names: 'رس' });
    expect(wordForms('نتانياهو')).toEqual({ search: 'نتانياهو', stem: 'نتانياهو', names: wordForms('نتنياهو').names });
    expect(wordForms('في')).toEqual({ search: 'في', stem: 'في', names: null });
    expect(wordForms('ـ')).toEqual({ search: '', stem: '', names: null });
  });
});

describe('matching a query', () => {
  const sample = 'ونفت إيران بيع أسلحة إلى أي طرف "للاستخدام في الحرب"، أقرت للمرة الأولى';

  it('finds the text whatever clitic the query or the text has (the library case)', () => {
    for (const query of ['الاستخدام في الحرب', 'للاستخدام في الحرب', 'استخدام', 'الاستخدام', 'للاستخدام', 'في', 'الحرب', 'بالحرب', 'وللاستخدام']) {
      expect(finds(sample, query), query).toBe(true);
    }
  });

  it('finds hamza and alef spellings either way', () => {
    expect(finds(sample, 'ايران')).toBe(true);
    expect(finds(sample, 'إيران')).toBe(true);
    expect(finds(sample, 'اسلحه')).toBe(true);
    expect(finds(sample, 'اقرت للمره الاولي')).toBe(true);
    expect(finds('مؤتمر صحفي', 'موتمر')).toBe(true);
    expect(finds('موتمر صحفي', 'مؤتمر')).toBe(true);
  });

  it('a first letter that looks like a clitic but is part of the word still matches', () => {
    // «وزير» is not و + «زير»: the query's stem is looked for in the text as written too.
    expect(finds('قال وزير الاقتصاد', 'والوزير')).toBe(true);
    expect(finds('قال وزير الاقتصاد', 'وزير')).toBe(true);
    expect(finds('فيلم جديد', 'بالفيلم')).toBe(true);
  });

  it('a long word also finds a name spelt with more or fewer long vowels or doubled letters (issue 24)', () => {
    expect(finds('قال بنيامين نتنياهو إن', 'نتانياهو')).toBe(true);
    expect(finds('قال بنيامين نتانياهو إن', 'نتنياهو')).toBe(true);
    expect(finds('التقى بوتين نظيره', 'بوتن')).toBe(true);
    // Short words stay strict, and the loose level still needs the word's consonants.
    expect(finds('قال بنيامين نتنياهو إن', 'نتن')).toBe(true);
    expect(finds('قال بغداد', 'بودا')).toBe(false);
    expect(finds('قال بنيامين نتنياهو إن', 'نتنياهو ترامب')).toBe(false);
  });

  it('needs every word, and words that are not there are not found', () => {
    expect(finds(sample, 'الاستخدام في السلم')).toBe(false);
    expect(finds(sample, 'روسيا')).toBe(false);
    expect(finds(sample, '  ')).toBe(true);
  });
});

describe('matching a name (names panel, names page)', () => {
  it('every typed word begins a word of the name, regardless of diacritics, alef and hamza forms and clitics', () => {
    expect(matchesName('إبراهيم رئيسي', 'ابراهيم')).toBe(true);
    expect(matchesName('إبراهيم رئيسي', 'رَئيسي')).toBe(true);
    expect(matchesName('إبراهيم رئيسي', 'رييس ابر')).toBe(true);
    expect(matchesName('طهران', 'وطهران')).toBe(true);
    expect(matchesName('طهران', 'بطهران')).toBe(true);
    expect(matchesName('الاتحاد الأوروبي', 'للاتحاد')).toBe(true);
    expect(matchesName('الاتحاد الأوروبي', 'الأوروب')).toBe(true);
    expect(matchesName('الاتحاد الأوروبي', 'اتحاد')).toBe(true);
    expect(matchesName('هيئة الأمم', 'هيئه')).toBe(true);
    expect(matchesName('موسكو', 'طهران')).toBe(false);
    expect(matchesName('موسكو', '  ')).toBe(true);
  });

  it('from four letters on, spellings that add or drop long vowels and doubled letters meet', () => {
    expect(matchesName('بنيامين نتانياهو', 'نتنياهو')).toBe(true);
    expect(matchesName('بنيامين نتنياهو', 'نتانياهو')).toBe(true);
    // Short prefixes stay strict: «بو» does not find every name starting with ب.
    expect(matchesName('بغداد', 'بو')).toBe(false);
    expect(matchesName('بوتين', 'بو')).toBe(true);
  });

  it('a filter compiled once for a list reads at most FILTER_LIMITS of what was typed', () => {
    // A 66,000-character paste: only its first FILTER_LIMITS.query characters are a query.
    const huge = nameMatcher(`طهران${' '.repeat(FILTER_LIMITS.query)}${'ب'.repeat(66_000)}`);
    expect(huge('طهران')).toBe(true);
    expect(huge('موسكو')).toBe(false);
    // Words past FILTER_LIMITS.words are not read either.
    const many = nameMatcher(['طهران', ...Array.from({ length: FILTER_LIMITS.words }, () => 'موسكو')].join(' ') + ' بغداد');
    expect(many('طهران موسكو')).toBe(true);
    expect(nameMatcher('بطهران')('طَهران')).toBe(true);
    expect(nameMatcher('')('أي اسم')).toBe(true);
  });
});
