// The reader's side of tagging: the package's name spans of an article become mentions grouped
// into entities (one key per person, place or body; a person's shorter name joins the longest full
// name that contains it) with the name the entity is shown by.
import { tagDocument, type NameSpan, type NerModel, type TagOptions } from 'arabic-ner';

export type { TagOptions } from 'arabic-ner';
export type EntityType = NameSpan['type'];

export interface EntityMention {
  block: number;
  start: number;
  end: number;
  type: EntityType;
  text: string;
  key: string;
  /** 'reader': one of the reader's own names (the package's 'list' source). */
  source: 'model' | 'rules' | 'reader';
  /** How sure the tagger is, 0–1 (see NameSpan.confidence). */
  confidence: number;
}

export interface Entity { key: string; type: EntityType; name: string; mentions: number }

export interface TagResult { mentions: EntityMention[]; entities: Entity[] }

/** Tags an article's block texts and groups the names (the worker and the tests). */
export function tagTexts(model: NerModel, texts: readonly string[], options: TagOptions = {}): TagResult {
  return groupMentions(tagDocument(model, texts, options));
}

/** Shared keys: same canonical words, or (people) a shorter name contained in a longer one. */
export function groupMentions(spans: readonly NameSpan[]): TagResult {
  const forms = [...new Set(spans.map((d) => `${d.type}\u0000${d.words.join(' ')}`))].map((f) => {
    const [type, words] = f.split('\u0000') as [EntityType, string];
    return { type, words: words.split(' '), joined: words };
  });
  const containsRun = (big: string[], small: string[]): boolean => {
    outer: for (let i = 0; i + small.length <= big.length; i++) {
      for (let k = 0; k < small.length; k++) if (big[i + k] !== small[k]) continue outer;
      return true;
    }
    return false;
  };
  const keyOf = new Map<string, string>();
  for (const f of forms) {
    let rep = f;
    if (f.type === 'PERS') {
      for (const g of forms) if (g.type === 'PERS' && g.words.length > rep.words.length && containsRun(g.words, f.words)) rep = g;
    }
    keyOf.set(`${f.type}\u0000${f.joined}`, `${rep.type}:${rep.joined}`);
  }
  const mentions: EntityMention[] = spans.map((d) => ({
    block: d.block, start: d.start, end: d.end, type: d.type, source: d.source === 'list' ? 'reader' : d.source, confidence: d.confidence,
    text: d.text,
    key: keyOf.get(`${d.type}\u0000${d.words.join(' ')}`) ?? `${d.type}:${d.words.join(' ')}`,
  }));
  const entities = new Map<string, Entity & { bestCount: Map<string, number> }>();
  for (const m of mentions) {
    let e = entities.get(m.key);
    if (!e) { e = { key: m.key, type: m.type, name: m.text, mentions: 0, bestCount: new Map() }; entities.set(m.key, e); }
    e.mentions++;
    const c = (e.bestCount.get(m.text) ?? 0) + 1;
    e.bestCount.set(m.text, c);
    // Longest full form wins; among equals the most frequent.
    if (m.text.length > e.name.length || (m.text.length === e.name.length && c > (e.bestCount.get(e.name) ?? 0))) e.name = m.text;
  }
  return { mentions, entities: [...entities.values()].map(({ key, type, name, mentions: n }) => ({ key, type, name, mentions: n })) };
}
