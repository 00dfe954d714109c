import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFile, loadShippedModel } from '../../../scripts/ner/run-model.ts';
import { DATA_DIR } from '../../../scripts/ner/conll.ts';

const DEV = join(DATA_DIR, 'dev.tsv');
/**
 * A regression floor: what the shipped model measured when committed (0.7359), less a margin.
 * Issue 10's target is 0.80; it is not met yet (docs/ner.md has the figures and what was tried).
 */
const DEV_FLOOR = 0.7209;

describe.skipIf(!existsSync(DEV))('shipped model on ANERcorp dev', () => {
  let f1 = 0;
  beforeAll(() => {
    f1 = evaluateFile(loadShippedModel(), DEV).micro.f1;
  });
  it(`does not regress below micro-F1 ${DEV_FLOOR}`, () => {
    expect(f1).toBeGreaterThanOrEqual(DEV_FLOOR);
  });
});
