// Word classes learnt from unlabelled text (scripts/ner/clusters.ts): each normalised word maps to
// a 2,048-way class id whose high bits are its 256- and 32-way parents (like Brown-cluster
// prefixes). Training compiles the table into the model's hashed gazetteer under its own key
// space (features.ts `clusterKey`), so the browser loads no separate file.
import { clusterKey } from './features.ts';

/** Parses `word<TAB>class id` lines (as written by `npm run ner:clusters`). */
export function parseClusters(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.push([line.slice(0, tab), Number(line.slice(tab + 1))]);
  }
  return out;
}

/** Adds classes to a gazetteer map, stored as id + 1 so that 0 means "no class". */
export function addClusters(map: Map<number, number>, entries: Iterable<readonly [string, number]>): void {
  for (const [word, id] of entries) map.set(clusterKey(word), id + 1);
}
