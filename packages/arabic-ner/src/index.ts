// arabic-ner: named-entity tagging for Arabic text (people, places, organisations, other names
// and, by rule, dates), in the browser or Node, with no server. See README.md.

// Tagging
export { loadModel, createTagger, bundledModelUrl, type Tagger, type TaggedToken } from './tagger.ts';
export { tagDocument, canonicalWords, splitSentences, type EntityType, type NameSpan, type SpanSource, type TagOptions } from './document.ts';
export { readModel, scoreDocument, sentenceSpans, predictDocument, predictSentence, ModelFormatError, type NerModel, type DocumentScores } from './model.ts';
export { mendNameBoundaries, isKinshipConnector, isNameTitle } from './boundaries.ts';

// Text
export { tokenize, type Token } from './tokenize.ts';
export { normaliseArabic, cleanWord, stripProclitics } from './normalise.ts';
export { findDates, type DateSpan } from './dates.ts';

// Tags, decoding, confidence, evaluation
export { TAGS, ENTITY_TYPES, type ModelEntityType, viterbi, spansFromTags, spanConfidences, tokenMarginals } from './tags.ts';
export { evaluateSpans, type EvalResult, type TypeScore } from './evaluate.ts';

// Reproducible training order (and test data) from a seed
export { seededRandom } from './random.ts';

// In a web worker
export { createTaggerClient, type TaggerClient, type TaggerClientOptions, type WorkerLike } from './client.ts';
export { createEngine, serveTagRequests, defaultFetchBytes, type Engine, type FetchBytes, type WorkerScope } from './engine.ts';
export { TaggerError, type TaggerErrorCode, type TagRequest, type TagResponse } from './protocol.ts';
