import { describe, expect, it } from 'vitest';
import { WGS84_LONLAT, type GeoRaster } from '../../../core/grid';
import { rasterPopulationLayer } from '../../../core/population';
import { demTerrainLayer } from '../../../core/terrain';
import { countyByCode, newCountyProject } from '../../../geodata/counties';

const county = countyByCode('520382')!;
const project = newCountyProject(county, { cellSizeM: 100 });
const R = 6_371_007.2;

/** 0.01 deg pixels over the county's bbox plus a margin, `personsPerKm2` everywhere, stored as persons per pixel. */
function uniformRaster(personsPerKm2: number): GeoRaster {
  const [w, s, e, n] = county.bbox;
  const originX = Math.floor(w * 100) / 100 - 0.05;
  const originY = Math.ceil(n * 100) / 100 + 0.05;
  const width = Math.ceil((e - originX) * 100) + 5;
  const height = Math.ceil((originY - s) * 100) + 5;
  const values = new Float32Array(width * height);
  for (let r = 0; r < height; r++) {
    const latN = ((originY - r * 0.01) * Math.PI) / 180;
    const latS = ((originY - (r + 1) * 0.01) * Math.PI) / 180;
    const km2 = (R * R * ((0.01 * Math.PI) / 180) * (Math.sin(latN) - Math.sin(latS))) / 1e6;
    values.fill(personsPerKm2 * km2, r * width, (r + 1) * width);
  }
  return { width, height, values, originX, originY, pixelSizeX: 0.01, pixelSizeY: 0.01, crs: WGS84_LONLAT };
}

describe('layers from real rasters', () => {
  it('rasterPopulationLayer keeps the people inside the county: uniform 200/km2 gives 200 x area', () => {
    const layer = rasterPopulationLayer(uniformRaster(200), project.grid, project.boundary, 'uniform.tif');
    expect(layer.provenance).toBe('file');
    expect(layer.source).toMatch(/^uniform\.tif/);
    const total = layer.values.reduce((a, b) => a + b, 0);
    expect(total / (200 * county.areaKm2)).toBeCloseTo(1, 2);
  });

  it('demTerrainLayer resamples heights onto the project grid', () => {
    const dem = uniformRaster(1);
    const layer = demTerrainLayer({ ...dem, values: dem.values.map(() => 880) }, project.grid, 'flat.tif');
    expect(layer.provenance).toBe('file');
    expect(layer.values.length).toBe(project.grid.cols * project.grid.rows);
    expect(layer.values.every((v) => v === 880)).toBe(true);
  });
});
