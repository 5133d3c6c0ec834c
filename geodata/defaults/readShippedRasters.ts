import type { GeoRaster } from '../../core/grid/geoRaster';
import { fail, ok, type Result } from '../../core/result';
import { readDemGeoTiff } from '../dem/readDemGeoTiff';
import { readPopulationGeoTiff } from '../population/readPopulationGeoTiff';
import { SHIPPED_POPULATION, SHIPPED_TERRAIN } from './shippedData';

/** The shipped rasters decoded once, to make any number of new county projects (newCountyProject `defaults`). */
export interface CountyDefaults {
  /** GPW v4.11 2020 as persons per pixel */
  population?: GeoRaster;
  /** SRTM30_PLUS heights, m */
  terrain?: GeoRaster;
}

/**
 * Decodes the shipped defaults from their bytes (the app fetches geodata/defaults/*.tif as Vite asset URLs, the
 * CLI reads them from disk): GPW density becomes persons per pixel (readPopulationGeoTiff), SRTM30_PLUS stays
 * metres (readDemGeoTiff). Either may be left out. Takes ~0.2 s each; runs in a web worker as well (no DOM, no Node).
 * @example const d = await readCountyDefaults({ population: gpwBytes, terrain: srtmBytes }); if (d.ok) newCountyProject(county, { defaults: d.value });
 */
export async function readCountyDefaults(bytes: { population?: Uint8Array; terrain?: Uint8Array }): Promise<Result<CountyDefaults>> {
  const out: CountyDefaults = {};
  if (bytes.population) {
    const read = await readPopulationGeoTiff(bytes.population, SHIPPED_POPULATION.fileName, { unit: 'persons-per-km2' });
    if (!read.ok) return fail(read.code, `shipped population raster: ${read.message}`);
    out.population = read.value;
  }
  if (bytes.terrain) {
    const read = await readDemGeoTiff(bytes.terrain, SHIPPED_TERRAIN.fileName);
    if (!read.ok) return fail(read.code, `shipped terrain raster: ${read.message}`);
    out.terrain = read.value;
  }
  return ok(out);
}
