// Public API of the Arabic named-entity tagger (pure TypeScript; see docs/ner.md).
export type { EntityType, EntityMention, Entity, TagOptions, TagResult } from './entities.ts';
export { tagTexts, splitSentences } from './entities.ts';
export type { NerModel } from './model.ts';
export { loadModel, predictSentence, ModelFormatError } from './model.ts';
export { tokenize, type Token } from './tokenize.ts';
export { normaliseArabic, cleanWord, stripProclitics } from './normalise.ts';
export { findDates } from './dates.ts';
export { TAGS } from './tags.ts';
