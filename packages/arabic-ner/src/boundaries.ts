// Where people's names begin and end, as ANERcorp annotates them: kinship connectors (بن، ابن،
// بنت، أبو، أبي، أبا، آل) are inside the name, titles (الرئيس، الشيخ، الدكتور …) outside it. The
// model gets most of this right from context; this step mends the spans it cuts at a connector
// or opens with a title.
import { GAZ, gazKey, type Gazetteer } from './features.ts';
import { cleanWord } from './normalise.ts';
import { spansFromTags, tagId } from './tags.ts';

/** Normalised forms of the words that join the parts of a person's name (آل normalises to ال). */
const KINSHIP = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا', 'ال', 'bin', 'ibn']);
/** Connectors that may open a name (أبو مازن، ابن خلدون); آل alone is a family, not a person. */
const OPENING = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا']);
/** A name that starts with بن/بنت usually lost its first word (الصامت + بن قيس); ابن opens many (ابن خلدون). */
const OPENS_WITH = new Set(['بن', 'بنت']);

/**
 * Titles, ranks and honorifics that stand before a name and are not part of it in ANERcorp
 * (normalised). Words that are also given names (أمين، سلطان، آية) are left out.
 */
const TITLES = new Set([
  'الرئيس', 'الرئيسه', 'الملك', 'الملكه', 'العاهل', 'الامير', 'الاميره', 'الشيخ', 'الشيخه', 'السلطان', 'الامام', 'السيد',
  'السيده', 'الانسه', 'الدكتور', 'الدكتوره', 'د', 'البروفيسور', 'الاستاذ', 'الاستاذه', 'المهندس', 'الجنرال', 'العقيد', 'اللواء',
  'العميد', 'المشير', 'الفريق', 'الرائد', 'النقيب', 'القاضي', 'المحامي', 'السفير', 'السفيره', 'المستشار', 'المستشاره', 'الوزير',
  'الوزيره', 'النائب', 'نائب', 'السناتور', 'السيناتور', 'الحاكم', 'الزعيم', 'القائد', 'المبعوث', 'المطران', 'الكاردينال',
  'الحاخام', 'الحاج', 'القس', 'الفنان', 'الفنانه', 'اللاعب', 'المدرب', 'الكاتب', 'الكاتبه', 'الشاعر', 'المطرب', 'المطربه',
  'الممثل', 'الممثله', 'المخرج', 'الصحفي', 'المراسل', 'سمو', 'السمو', 'فخامه', 'جلاله', 'معالي', 'سعاده', 'حضره', 'فضيله',
]);

/** Words after a connector that make it an ordinary noun ("son of his uncle"), not part of a name. */
const NOT_NAME = new Set([
  'عم', 'عمه', 'عمها', 'خال', 'خاله', 'اخ', 'اخيه', 'اخت', 'رجل', 'امراه', 'حي', 'مدينه', 'بلد', 'عشر', 'عائله', 'اسره',
  'في', 'من', 'الي', 'علي', 'عن', 'ان', 'الذي', 'التي', 'قد', 'كان', 'كانت', 'لم', 'لن', 'ما', 'لا', 'هو', 'هي', 'ثم', 'او',
  'بعد', 'قبل', 'خلال', 'مع', 'عند', 'حيث', 'كما', 'يوم', 'منذ', 'حول', 'ضد', 'بين', 'امس', 'لدي', 'الا', 'غير', 'اي', 'كل',
  'بعض', 'هذا', 'هذه', 'ذلك', 'تلك', 'انه', 'انها', 'اليوم', 'امام', 'عبر', 'نحو', 'لكن', 'بل', 'حتي', 'اذا', 'قال', 'قالت',
]);

const O = 0;
const B_PERS = tagId('B-PERS');
const I_PERS = tagId('I-PERS');
const NAME_BITS = GAZ.GIVEN | GAZ.SURNAME | GAZ.TR_B_PERS | GAZ.TR_I_PERS;

/** Whether a token is a kinship connector of a name (محمد بن راشد آل مكتوم، أبو مازن). */
export function isKinshipConnector(token: string): boolean {
  return KINSHIP.has(cleanWord(token));
}

/** A title that ANERcorp keeps outside a person's name (with or without a conjunction: والرئيس). */
export function isNameTitle(token: string): boolean {
  const w = cleanWord(token);
  return TITLES.has(w) || (w.length > 3 && (w[0] === 'و' || w[0] === 'ف') && TITLES.has(w.slice(1)));
}

/**
 * Tags with people's names mended at their edges, as ANERcorp draws them:
 * - a title that opens a PERS span is cut off (الرئيس محمد مرسي → محمد مرسي) unless the training
 *   data starts names with it (البابا شنودة);
 * - a span never ends on a connector: the name word after it joins (عبادة بن + الصامت), and a
 *   PERS span the model began there merges (محمود شهاب الدين أبو + الثناء الألوسي);
 * - a connector and a known name word right after a PERS span join it (محمد بن راشد + آل مكتوم);
 * - a span that opens with بن/بنت takes in a known name word before it (الفضل + بن عبد الله);
 *   one that follows a connector that opens names (أبو، أبي، ابن …) takes it in (أبو + مازن).
 * Another type's span changes only when its first word is taken into a name that way (معاذ بن +
 * جبل). Returns new tags.
 */
export function mendNameBoundaries(tokens: readonly string[], modelTags: ArrayLike<number>, gazetteer: Gazetteer): Int32Array {
  const n = tokens.length;
  const tags = new Int32Array(n);
  tags.set(modelTags);
  if (!tags.includes(B_PERS)) return tags; // most sentences name nobody
  const norm = (i: number): string => cleanWord(tokens[i] as string);
  const knownName = (i: number): boolean => ((gazetteer.get(gazKey(norm(i))) ?? 0) & NAME_BITS) !== 0;
  const nameWord = (i: number): boolean => {
    const w = norm(i);
    return /^[\u0621-\u064A]{2,}$/.test(w) && !NOT_NAME.has(w) && !isNameTitle(w) && !KINSHIP.has(w);
  };
  /** Makes token i (and the rest of a PERS span it begins) part of the name before it; returns the new end. */
  const join = (i: number): number => {
    const type = tags[i] as number;
    tags[i] = I_PERS;
    let end = i + 1;
    if (type === B_PERS) while (end < n && tags[end] === I_PERS) end++;
    else if (type !== O && end < n && tags[end] === type + 1) tags[end] = type; // the rest of another type's span stands alone
    return end;
  };
  for (const span of spansFromTags(tags)) {
    if (span.type !== 'PERS' || tags[span.start] !== B_PERS) continue; // merged into an earlier name
    let { start, end } = span;
    while (end - start > 1 && isNameTitle(tokens[start] as string) && !((gazetteer.get(gazKey(norm(start))) ?? 0) & GAZ.TR_B_PERS)) {
      tags[start] = O;
      tags[++start] = B_PERS;
    }
    if (start > 0 && tags[start - 1] === O) {
      // الفضل + [بن عبد الله]: a known name word before a span that opens with بن; [أبو] + مازن.
      const opensWithBin = OPENS_WITH.has(norm(start)) && nameWord(start - 1) && knownName(start - 1);
      const before = norm(start - 1);
      if (opensWithBin || OPENING.has(before) || (before.length > 3 && before[0] === 'و' && OPENING.has(before.slice(1)))) {
        tags[--start] = B_PERS;
        tags[start + 1] = I_PERS;
      }
    }
    for (;;) {
      if (end < n && isKinshipConnector(tokens[end - 1] as string) && (tags[end] === B_PERS || nameWord(end))) {
        end = join(end); // the name cannot stop at its connector
      } else if (end + 1 < n && isKinshipConnector(tokens[end] as string) && tags[end] === B_PERS) {
        end = join(end); // [محمد] [بن راشد]
      } else if (end + 1 < n && isKinshipConnector(tokens[end] as string) && tags[end] === O && (tags[end + 1] === B_PERS || (tags[end + 1] === O && nameWord(end + 1) && knownName(end + 1)))) {
        tags[end] = I_PERS;
        end = join(end + 1);
      } else break;
    }
  }
  return tags;
}
