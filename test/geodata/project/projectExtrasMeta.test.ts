import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import type { PopulationDetails, TerrainDetails } from '../../../core/model';
import { PROJECT_EXTRAS_META_KEYS, readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { smallProject } from './smallProject';

async function edit(bytes: Uint8Array, sql: string): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  db.run(sql);
  const out = db.export();
  db.close();
  return out;
}

const terrainDetails: TerrainDetails = {
  kind: 'terrain', method: 'loaded-tiles', resolutionM: 31, coarsestResolutionM: 92, minM: 850, maxM: 890.25,
  tiles: [{ name: 'N27E106.hgt', format: 'hgt', resolutionArcSec: 1, resolutionM: 31, cellsUsed: 4 }, { name: 'N27E106_3s.tif', format: 'geotiff', resolutionArcSec: 3, resolutionM: 92, cellsUsed: 1 }],
  ignoredTiles: [{ name: 'N30E110.hgt', reason: 'does not reach the county' }],
  voids: { cellsInCounty: 1, areaKm2InCounty: 0.0025, shareOfCounty: 0.2, cellsOutsideCounty: 0, method: 'SRTM30_PLUS delta surface' },
};
const populationDetails: PopulationDetails = {
  kind: 'population', method: 'census-raster', totalPersons: 16.5, censusTotal: 16.5, censusSource: '7th census', rasterPersonsInCounty: 20, scale: 0.825,
  raster: { name: 'GPW v4.11 2020', attribution: 'CIESIN, CC BY 4.0', resolution: '30 arc-seconds (about 1 km)' },
};

describe('project file: layer details and county seat', () => {
  it('keeps the terrain source, resolution, tiles and void report, the population source and the seat through save and reopen', async () => {
    const project = smallProject();
    project.terrain!.details = terrainDetails;
    project.population!.details = populationDetails;
    const read = await readProjectGpkg(await writeProjectGpkg(project));
    expect(read.ok && read.value).toEqual(project);
    if (!read.ok) return;
    expect(read.value.terrain!.details).toEqual(terrainDetails);
    expect(read.value.population!.details).toEqual(populationDetails);
    expect(read.value.seat).toEqual({ lonLat: [106.4, 27.8], nameZh: '市区', nameEn: 'the city centre' });
  });

  it('gives a file saved before projects kept their seat the seat of its county code', async () => {
    const bytes = await edit(await writeProjectGpkg(smallProject()), `DELETE FROM qc_meta WHERE key IN ('${PROJECT_EXTRAS_META_KEYS.seat}', '${PROJECT_EXTRAS_META_KEYS.layerDetails}')`);
    const read = await readProjectGpkg(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.seat).toMatchObject({ nameZh: '市区', nameEn: 'the city centre' });
    expect(read.value.seat!.lonLat[0]).toBeCloseTo(106.41, 1);
    expect(read.value.terrain!.details).toBeUndefined();
  });

  it('refuses a damaged details or seat value, naming the key', async () => {
    const project = smallProject();
    project.terrain!.details = terrainDetails;
    const good = await writeProjectGpkg(project);
    const badDetails = await readProjectGpkg(await edit(good, `UPDATE qc_meta SET value = '{"terrain":{"kind":"sea"}}' WHERE key = 'layer_details'`));
    expect(badDetails.ok === false && badDetails.code).toBe('corrupt');
    expect(badDetails.ok === false && badDetails.message).toMatch(/layer_details: terrain.kind/);
    const badSeat = await readProjectGpkg(await edit(good, `UPDATE qc_meta SET value = '{"lonLat":[1]}' WHERE key = 'county_seat'`));
    expect(badSeat.ok === false && badSeat.message).toMatch(/county_seat/);
  });
});
