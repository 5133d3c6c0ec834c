import type { MultiPolygon } from 'geojson';
import type { CancelToken, ProgressFn } from '../../core/cancel';
import type { GeoRaster } from '../../core/grid/geoRaster';
import type { GridSpec } from '../../core/grid/gridSpec';
import type { GridLayer, PopulationDetails } from '../../core/model';
import { censusRasterPopulation } from '../../core/population/censusRasterPopulation';
import { SHIPPED_POPULATION, SHIPPED_POPULATION_DENSITY_CAP_PER_KM2 } from './shippedData';

const int = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The default population layer of a new county: the census total distributed by the shipped GPW v4.11 raster
 * (persons per pixel, from readCountyDefaults) with core/population censusRasterPopulation, its dense cores
 * re-shaped because the shipped tiles stop at 4,096/km2. Provenance 'modelled' (a disaggregation, not a
 * count per cell); `source` says in one sentence what it rests on, `details` in numbers
 * (layerLabels.ts words them in Chinese or English). Undefined when GPW has nobody in the county.
 * @example project.population = defaultPopulationLayer(defaults.population!, project.grid, { boundary, seatLonLat, censusTotal: 1_280_116, censusSource });
 */
export function defaultPopulationLayer(
  gpw: GeoRaster,
  grid: GridSpec,
  county: { boundary: MultiPolygon; seatLonLat: [number, number]; censusTotal: number; censusSource?: string },
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): GridLayer | undefined {
  const made = censusRasterPopulation(gpw, grid, county.boundary, county.censusTotal, {
    seatLonLat: county.seatLonLat,
    densityCapPerKm2: SHIPPED_POPULATION_DENSITY_CAP_PER_KM2,
    cancel: options.cancel,
    onProgress: options.onProgress,
  });
  if (!made) return undefined;
  const details: PopulationDetails = {
    ...made.details,
    ...(county.censusSource && { censusSource: county.censusSource }),
    raster: { name: SHIPPED_POPULATION.name, attribution: `CIESIN, ${SHIPPED_POPULATION.licence}`, resolution: SHIPPED_POPULATION.resolution },
  };
  const d = made.details;
  const how = d.core
    ? `the other cells keep GPW's people; dense cores (${d.core.areaKm2.toFixed(1)} km2 in ${d.core.clusters}, where the shipped GPW ` +
      `tiles stop at 4,096/km2 and are unreliable) take the census remainder of ${int(d.core.remainderPersons)} by distance to the seat ` +
      `and core centres${d.core.isCeilingReached ? ` (capped at ${int(d.core.ceilingPerKm2)}/km2, the rest spread over the county)` : ''}`
    : `GPW's ${int(d.rasterPersonsInCounty ?? 0)} people in the county scaled by ${(d.scale ?? 1).toFixed(3)}`;
  return {
    values: made.values,
    provenance: 'modelled',
    source:
      `2020 census total ${int(county.censusTotal)} distributed by ${SHIPPED_POPULATION.name} (CIESIN, ${SHIPPED_POPULATION.licence}; ` +
      `~1 km), areal-weighted to the ${grid.cellSizeM} m grid; ${how}`,
    details,
  };
}
