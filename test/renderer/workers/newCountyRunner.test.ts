import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PopulationDetails, TerrainDetails } from '../../../core/model';
import { countyByCode } from '../../../geodata/counties';
import { NewCountyRunner } from '../../../renderer/workers/newCountyRunner';

const defaults = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, '../../../geodata/defaults', name)));

describe('NewCountyRunner (Plan this county in the app)', () => {
  it('makes 云岩区 on the shipped defaults: census-true GPW population and SRTM30_PLUS terrain, with progress', async () => {
    const county = countyByCode('520103')!;
    const fractions: number[] = [];
    const r = await new NewCountyRunner({ inline: true }).run(
      { countyCode: '520103', cellSizeM: 100, populationBytes: defaults('gpw_v4_11_popdensity_2020_guizhou_1km.tif'), terrainBytes: defaults('guizhou_srtm30plus_2km.tif') },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p.grid.cellSizeM).toBe(100);
    const total = p.population!.values.reduce((a, v) => a + (Number.isFinite(v) ? v : 0), 0);
    expect(Math.abs(total - county.pop2020!) / county.pop2020!).toBeLessThan(0.001);
    expect((p.population!.details as PopulationDetails).method).not.toBe('census-model');
    expect((p.terrain!.details as TerrainDetails).method).toBe('shipped-coarse');
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThan(2);
  });

  it('says which county code it does not know', async () => {
    const r = await new NewCountyRunner({ inline: true }).run({ countyCode: '999999', cellSizeM: 100 });
    expect(r).toMatchObject({ ok: false, code: 'bad-input' });
  });
});
