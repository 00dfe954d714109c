import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFile, loadShippedModel } from '../../../scripts/ner/run-model.ts';
import { DATA_DIR } from '../../../scripts/ner/conll.ts';

const DEV = join(DATA_DIR, 'dev.tsv');
export const DEV_TARGET = 0.78;

describe('shipped model on ANERcorp dev', () => {
  it.skipIf(!existsSync(DEV))(`scores at least micro-F1 ${DEV_TARGET} on dev.tsv`, () => {
    const r = evaluateFile(loadShippedModel(), DEV);
    expect(r.micro.f1).toBeGreaterThanOrEqual(DEV_TARGET);
  });
});
