import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { badInputCorpus } from '../../../scripts/badInput/corpus';
import { readBadInput } from '../../../scripts/badInput/readBadInput';

/** Each small-corpus input must be answered within this, ms (generous: the machine is shared). */
const BOUND_MS = 10_000;

describe('malformed-input corpus (small)', () => {
  const corpus = badInputCorpus('small');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-corpus-'));

  it('covers every importer, the DEM, GeoPackage and MBTiles readers and the CLI with at least 80 inputs', () => {
    expect(new Set(corpus.map((c) => c.reader))).toEqual(new Set(['sites', 'places', 'olts', 'dem', 'gpkg', 'mbtiles', 'cli']));
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    expect(new Set(corpus.map((c) => c.fileName)).size).toBe(corpus.length);
  });

  for (const input of corpus) {
    it(`${input.fileName} (${input.what}): ${input.expect}, within ${BOUND_MS / 1000} s`, async () => {
      const bytes = await input.make();
      writeFileSync(path.join(dir, input.fileName), bytes);
      await input.cli?.prepare?.(dir);
      const t0 = performance.now();
      const got = await readBadInput(input, bytes, dir);
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(BOUND_MS);
      if (input.expect !== 'any') expect(got.outcome).toBe(input.expect);
      if (got.outcome !== 'imported') expect(got.message.length).toBeGreaterThan(10);
    }, BOUND_MS * 3);
  }
});
