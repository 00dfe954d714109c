import { describe, expect, it } from 'vitest';
import { correctionDraft, correctionOf, retypeKind, stepMentionIndex } from '../../../src/core/entities/correction-draft';
import type { Correction } from '../../../src/core/entities/corrections';

const span = { blockId: 'b1', start: 4, end: 9, text: 'القاهرة', key: 'k', source: 'model' as const };

const correction = (id: string, kind: Correction['kind']): Correction => ({ id, kind, blockId: 'b1', start: 4, end: 9, text: 'القاهرة', type: 'LOC', scope: 'article', created: 1 });

describe('correctionDraft', () => {
  it('records the span, the new type and the scope', () => {
    expect(correctionDraft('retype', span, false, 'PERS')).toEqual({ kind: 'retype', blockId: 'b1', start: 4, end: 9, text: 'القاهرة', type: 'PERS', scope: 'article' });
    expect(correctionDraft('add', span, true, 'LOC')).toEqual({ kind: 'add', blockId: 'b1', start: 4, end: 9, text: 'القاهرة', type: 'LOC', scope: 'everywhere' });
  });

  it('has no type key for a removal', () => {
    const draft = correctionDraft('remove', span, false);
    expect(draft).toEqual({ kind: 'remove', blockId: 'b1', start: 4, end: 9, text: 'القاهرة', scope: 'article' });
    expect('type' in draft).toBe(false);
  });
});

describe('correctionOf', () => {
  const list = [correction('c1', 'add'), correction('c2', 'retype')];
  it('finds the mention’s correction by id', () => {
    expect(correctionOf({ correctionId: 'c2' }, list)?.id).toBe('c2');
  });
  it('is undefined for a tagger mention or a correction no longer there', () => {
    expect(correctionOf({}, list)).toBeUndefined();
    expect(correctionOf({ correctionId: 'gone' }, list)).toBeUndefined();
  });
});

describe('retypeKind', () => {
  it('keeps a reader-added span an addition, and retypes anything else', () => {
    expect(retypeKind(correction('c1', 'add'))).toBe('add');
    expect(retypeKind(correction('c2', 'retype'))).toBe('retype');
    expect(retypeKind(undefined)).toBe('retype');
  });
});

describe('stepMentionIndex', () => {
  it('steps forwards and backwards, wrapping at both ends', () => {
    expect(stepMentionIndex(0, 1, 3)).toBe(1);
    expect(stepMentionIndex(2, 1, 3)).toBe(0);
    expect(stepMentionIndex(0, -1, 3)).toBe(2);
    expect(stepMentionIndex(0, 1, 1)).toBe(0);
  });
});
