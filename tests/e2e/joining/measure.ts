/**
 * Measuring the words that hold a decoration edge: each compared, in the browser's own drawing,
 * with the same word in a plain copy of its paragraph (width and glyph pixels), and checked for a
 * visible decoration. Shared by the joining and painting tests, in both engines.
 */
import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import { PNG } from 'pngjs';
import type { Engine } from '../engines/engine';
import { decode, differingPixels, glyphDifferences, sameWidth, withBelow, type Shot } from './pixels';
import * as probe from './probe';

export interface Row {
  readonly word: string;
  readonly why: string;
  readonly decoratedWidth: number;
  readonly plainWidth: number;
  readonly sameWidth: boolean;
  readonly glyphPixels: number;
  readonly painted: boolean;
}

export async function measureWords(engine: Engine, listed: readonly string[], shots?: string): Promise<Row[]> {
  const words = await engine.evaluate(probe.edgeWords, listed);
  const rows: Row[] = [];
  const byBlock = new Map<string, probe.EdgeWord[]>();
  for (const w of words) byBlock.set(w.blockId, [...(byBlock.get(w.blockId) ?? []), w]);
  await engine.moveMouse(0, 0);
  for (const [blockId, list] of byBlock) {
    await engine.evaluate(probe.showBlock, blockId);
    const decorated = await engine.evaluate(probe.textBoxes, blockId, list);
    const painted: Shot = decode(await engine.screenshot());
    await engine.evaluate(probe.paintsOff, true);
    await engine.evaluate(probe.showBlock, blockId);
    const unpainted = decode(await engine.screenshot());
    await engine.evaluate(probe.plainCopy, blockId, true);
    await engine.evaluate(probe.showBlock, blockId);
    const plain = await engine.evaluate(probe.textBoxes, blockId, list);
    const plainShot = decode(await engine.screenshot());
    await engine.evaluate(probe.plainCopy, blockId, false);
    await engine.evaluate(probe.paintsOff, false);
    // JOINING_SHOTS=/tmp/x keeps the three screenshots of each block and the word boxes, to look at.
    if (shots) {
      const base = `${shots}-${engine.name}-${blockId}`;
      for (const [suffix, shot] of [['', painted], ['-off', unpainted], ['-plain', plainShot]] as const) writeFileSync(`${base}${suffix}.png`, PNG.sync.write(shot));
      writeFileSync(`${base}.json`, JSON.stringify({ list, decorated, plain }));
    }
    list.forEach((w, i) => {
      const d = decorated[i]!;
      const p = plain[i]!;
      rows.push({
        word: w.word,
        why: `${w.why.join(' ')} [${w.decorations.map((x) => x.split(':')[0]).join(',')}]`,
        decoratedWidth: d.width,
        plainWidth: p.width,
        sameWidth: sameWidth(d, p),
        glyphPixels: glyphDifferences(plainShot, p, unpainted, d),
        // A decorated word has something painted on it (a fill, or a line under it): at least half its width in pixels.
        painted: w.decorations.length === 0 || differingPixels(unpainted, withBelow(d, 6), painted, withBelow(d, 6), 24) >= d.width * 0.5,
      });
    });
  }
  return rows;
}

export function report(engine: Engine, rows: readonly Row[]): void {
  const lines = rows.filter((r) => process.env.JOINING_ALL || r.why.includes('::highlight') || r.why.includes('listed') || r.glyphPixels > 0 || !r.sameWidth).map((r) => `  ${r.word.padEnd(14)} ${r.decoratedWidth.toFixed(2).padStart(7)} vs ${r.plainWidth.toFixed(2).padStart(7)} px  ${String(r.glyphPixels).padStart(4)} px differ  ${r.painted ? 'painted' : 'NOT PAINTED'}  ${r.why}`);
  console.log(`${engine.name}: ${rows.length} words with a decoration edge; listed words, words at a painted range's edge and words drawn differently (JOINING_ALL=1: all), decorated vs plain width and glyph pixels that differ:\n${lines.join('\n')}`);
}

/** No measured word drawn differently from plain text, and every decorated one visibly painted. */
export function expectJoinedAndPainted(engine: Engine, rows: readonly Row[]): void {
  const broken = rows.filter((r) => !r.sameWidth || r.glyphPixels > 0);
  expect(broken.map((r) => `${r.word}: ${r.decoratedWidth.toFixed(2)} vs ${r.plainWidth.toFixed(2)} px, ${r.glyphPixels} px differ`), `${engine.name}: words drawn differently from plain text`).toEqual([]);
  expect(rows.filter((r) => !r.painted).map((r) => r.word), `${engine.name}: decorations not visible`).toEqual([]);
}
