import { zipSync } from 'fflate';
import type { MultiPolygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { cellCentreXM, cellCentreYM, gridForBoundsM, polygonMask, type GridSpec } from '../../../core/grid';
import type { TerrainDetails } from '../../../core/model';
import { loadDemTiles } from '../../../geodata/dem';
import { makeGeoTiff } from '../geoTiffFixture';

// A county 104.6-105.4E, 26.2-26.8N (two 1-degree tiles wide) on a 100 m grid.
const ring: [number, number][] = [[104.6, 26.2], [105.4, 26.2], [105.4, 26.8], [104.6, 26.8], [104.6, 26.2]];
const boundary: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring]] };
const proj = makeLocalProjection(105, 26.5);
const xy = ring.map((p) => proj.forward(p));
const grid: GridSpec = gridForBoundsM(
  [Math.min(...xy.map((p) => p[0])), Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[1]))],
  100, proj.proj4,
);
const mask = polygonMask(grid, boundary);

/** Smooth synthetic relief, m. */
const relief = (lon: number, lat: number) => 1200 + 300 * Math.sin(lon * 3) + 200 * Math.cos(lat * 4);

/** An SRTM .hgt tile (big-endian Int16, row 0 north) of `relief` + `offsetM`, with -32768 voids where `isVoid`. */
function hgt(lat: number, lon: number, size: 1201 | 3601, options: { offsetM?: number; isVoid?: (lon: number, lat: number) => boolean } = {}): Uint8Array {
  const bytes = new Uint8Array(2 * size * size);
  const view = new DataView(bytes.buffer);
  const step = 1 / (size - 1);
  for (let r = 0; r < size; r++) {
    const la = lat + 1 - r * step;
    for (let c = 0; c < size; c++) {
      const lo = lon + c * step;
      const h = options.isVoid?.(lo, la) ? -32768 : Math.round(relief(lo, la) + (options.offsetM ?? 0));
      view.setInt16(2 * (r * size + c), h, false);
    }
  }
  return bytes;
}

/** Height the grid holds at a lon/lat, and the expected relief there. */
function at(values: Float32Array, lon: number, lat: number): { got: number; want: number } {
  const [x, y] = proj.forward([lon, lat]);
  const col = Math.floor((x - grid.originXM) / grid.cellSizeM);
  const row = Math.floor((grid.originYM - y) / grid.cellSizeM);
  const [clon, clat] = proj.inverse([cellCentreXM(grid, col), cellCentreYM(grid, row)]);
  return { got: values[row * grid.cols + col], want: relief(clon, clat) };
}

const west3 = { name: 'N26E104.hgt', bytes: hgt(26, 104, 1201) };
// 1" east tile with a void of about 2 x 2 km around 105.2E 26.5N
const east1 = { name: 'N26E105.SRTMGL1.hgt', bytes: hgt(26, 105, 3601, { isVoid: (lo, la) => Math.abs(lo - 105.2) < 0.01 && Math.abs(la - 26.5) < 0.01 }) };

describe('loadDemTiles', () => {
  it('mosaics a 3" and a 1" tile onto the grid, fills and reports the void, labels the layer', async () => {
    const progress: number[] = [];
    const r = await loadDemTiles([west3, east1], grid, { boundary, onProgress: (f) => progress.push(f) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const layer = r.value;
    expect(layer.provenance).toBe('file');
    expect(layer.values.every(Number.isFinite)).toBe(true);
    for (const [lon, lat] of [[104.8, 26.4], [105.3, 26.7], [105.0005, 26.5]]) {
      const { got, want } = at(layer.values, lon, lat);
      expect(Math.abs(got - want), `${lon},${lat}`).toBeLessThan(1.5);
    }
    // the filled void lies between the heights around it
    const hole = at(layer.values, 105.2, 26.5);
    expect(Math.abs(hole.got - hole.want)).toBeLessThan(10);
    const d = layer.details as TerrainDetails;
    expect(d).toMatchObject({ kind: 'terrain', method: 'loaded-tiles' });
    expect(d.tiles!.map((t) => [t.name, t.format, t.resolutionArcSec])).toEqual([['N26E104.hgt', 'hgt', 3], ['N26E105.SRTMGL1.hgt', 'hgt', 1]]);
    expect(d.resolutionM).toBeGreaterThan(25);
    expect(d.resolutionM).toBeLessThan(35);
    expect(d.coarsestResolutionM).toBeGreaterThan(80);
    // a 2 x 2 km void is about 400 cells of 100 m, plus the posts next to it that bilinear cannot use
    expect(d.voids!.cellsInCounty).toBeGreaterThan(350);
    expect(d.voids!.cellsInCounty).toBeLessThan(700);
    expect(d.voids!.method).toMatch(/interpolated/);
    expect(d.minM).toBeGreaterThan(600);
    expect(d.maxM).toBeLessThan(1800);
    expect(layer.source).toMatch(/^DEM 2 tiles N26E104\.hgt \(3"\), N26E105\.SRTMGL1\.hgt \(1"\), mosaicked/);
    expect(layer.source).toMatch(/% of the county was void/);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('lets the finer tile win where 1" and 3" overlap', async () => {
    const east3Higher = { name: 'N26E105.hgt', bytes: hgt(26, 105, 1201, { offsetM: 500 }) };
    const r = await loadDemTiles([west3, east3Higher, { name: 'N26E105_1s.hgt.zip', bytes: zipSync({ 'N26E105.hgt': east1.bytes }) }], grid, { boundary });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { got, want } = at(r.value.values, 105.3, 26.7);
    expect(Math.abs(got - want)).toBeLessThan(1.5); // the 1" heights, not the 3" ones 500 m higher
    const d = r.value.details as TerrainDetails;
    expect(d.tiles!.map((t) => t.name)).toEqual(['N26E104.hgt', 'N26E105.hgt', 'N26E105_1s.hgt.zip/N26E105.hgt']);
    // the 3" east tile keeps only the cells around the 1" tile's void
    expect(d.tiles![1].cellsUsed).toBeLessThan(1000);
  });

  it('fills a gap between tiles from the coarse fallback shifted to meet the DEM, and reports it', async () => {
    // only the west tile: the county's eastern part (105-105.4E) has no tile
    const fallback = new Float32Array(grid.cols * grid.rows);
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        const [lon, lat] = proj.inverse([cellCentreXM(grid, col), cellCentreYM(grid, row)]);
        fallback[row * grid.cols + col] = relief(lon, lat) + 40; // coarse DEM 40 m too high everywhere
      }
    }
    const r = await loadDemTiles([west3], grid, { boundary, fallback: { values: fallback, label: 'SRTM30_PLUS (~2 km)' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value.details as TerrainDetails;
    let countyCells = 0;
    for (const m of mask) countyCells += m;
    expect(d.voids!.shareOfCounty).toBeGreaterThan(0.45);
    expect(d.voids!.shareOfCounty).toBeLessThan(0.55);
    expect(d.voids!.cellsInCounty).toBe(Math.round(d.voids!.shareOfCounty * countyCells));
    expect(d.voids!.method).toMatch(/^SRTM30_PLUS \(~2 km\), shifted to meet the loaded DEM/);
    // the delta surface takes the 40 m offset out
    const { got, want } = at(r.value.values, 105.3, 26.5);
    expect(Math.abs(got - want)).toBeLessThan(3);
  });

  it('names tiles that do not reach the county, and fails naming them all when none does', async () => {
    const far = { name: 'N30E110.hgt', bytes: hgt(30, 110, 1201) };
    const farTif = { name: 'far.tif', bytes: makeGeoTiff({ width: 4, height: 4, values: new Array(16).fill(500), origin: [110, 30], pixelSize: [0.01, 0.01], epsg: 4326 }) };
    const r = await loadDemTiles([west3, east1, far, farTif], grid, { boundary });
    expect(r.ok && (r.value.details as TerrainDetails).ignoredTiles).toEqual([
      { name: 'N30E110.hgt', reason: 'does not reach the county' },
      { name: 'far.tif', reason: 'does not reach the county' },
    ]);
    expect(r.ok && r.value.source).toMatch(/not used: N30E110\.hgt \(does not reach the county\), far\.tif/);
    const none = await loadDemTiles([far, farTif], grid, { boundary });
    expect(none).toEqual({ ok: false, code: 'no-coverage', message: 'none of the 2 DEM tiles reaches the county: N30E110.hgt, far.tif' });
  });

  it('reads a projected GeoTIFF (UTM 48N) among the tiles', async () => {
    // 2 x 2 km of 30 m pixels around 105.2E 26.5N in UTM zone 48N, heights from the relief
    const utm = '+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs';
    const [cx, cy] = proj4('WGS84', utm, [105.2, 26.5]);
    const size = 70;
    const values: number[] = [];
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const [lon, lat] = proj4(utm, 'WGS84', [cx - 1050 + (c + 0.5) * 30, cy + 1050 - (r + 0.5) * 30]);
        values.push(relief(lon, lat) - 7);
      }
    }
    const tif = { name: 'utm48.tif', bytes: makeGeoTiff({ width: size, height: size, values, origin: [cx - 1050, cy + 1050], pixelSize: [30, 30], epsg: 32648, geographic: false }) };
    const r = await loadDemTiles([west3, east1, tif], grid, { boundary });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.value.details as TerrainDetails;
    expect(d.tiles!.find((t) => t.name === 'utm48.tif')).toMatchObject({ format: 'geotiff', resolutionM: 30 });
    expect(d.tiles!.find((t) => t.name === 'utm48.tif')!.resolutionArcSec).toBeUndefined();
    // 1" is ~28 x 31 m here (29 m), finer than the UTM tile's 30 m: the UTM tile shows only in the 1" tile's void,
    // which it covers (its heights are the relief less 7 m)
    const { got, want } = at(r.value.values, 105.2, 26.5);
    expect(Math.abs(got - (want - 7))).toBeLessThan(1.5);
    expect(d.voids!.cellsInCounty).toBeLessThan(40); // of ~400 without it: the corners it misses
  });

  it('refuses a tile in an unsupported or wrong coordinate system, and files that are not tiles, loading nothing', async () => {
    const lambert = { name: 'lambert93.tif', bytes: makeGeoTiff({ width: 2, height: 2, values: [1, 2, 3, 4], origin: [700000, 6600000], pixelSize: [30, 30], epsg: 2154, geographic: false }) };
    const r = await loadDemTiles([west3, lambert], grid, { boundary });
    expect(r.ok === false && r.code).toBe('unsupported-crs');
    expect(r.ok === false && r.message).toMatch(/^lambert93\.tif: unsupported coordinate system EPSG:2154.*\(nothing was loaded\)$/);
    const metresAsDegrees = { name: 'mislabelled.tif', bytes: makeGeoTiff({ width: 2, height: 2, values: [1, 2, 3, 4], origin: [500000, 2930000], pixelSize: [30, 30], epsg: 4326 }) };
    const m = await loadDemTiles([metresAsDegrees], grid, { boundary });
    expect(m.ok === false && m.code).toBe('unsupported-crs');
    expect(m.ok === false && m.message).toMatch(/^mislabelled\.tif: the file says its coordinates are degrees/);
    const notTile = await loadDemTiles([{ name: 'sites.csv', bytes: new Uint8Array(3) }], grid, { boundary });
    expect(notTile).toMatchObject({ ok: false, code: 'bad-file', message: expect.stringMatching(/^sites\.csv: not a DEM tile/) });
    const shortHgt = await loadDemTiles([{ name: 'N26E104.hgt', bytes: new Uint8Array(10) }], grid, { boundary });
    expect(shortHgt).toMatchObject({ ok: false, code: 'bad-file', message: expect.stringMatching(/^N26E104\.hgt: 10 bytes/) });
    const emptyZip = await loadDemTiles([{ name: 'tiles.zip', bytes: zipSync({ 'readme.txt': new Uint8Array(1) }) }], grid, { boundary });
    expect(emptyZip).toMatchObject({ ok: false, code: 'bad-file', message: 'tiles.zip: the zip holds no .hgt or GeoTIFF tile' });
  });

  it('stops when cancelled and says the terrain is unchanged', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await loadDemTiles([west3, east1], grid, { boundary, cancel: controller.signal })).toMatchObject({ ok: false, code: 'cancelled' });
  });
});

