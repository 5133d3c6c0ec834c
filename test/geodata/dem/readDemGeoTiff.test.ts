import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { resampleBilinear } from '../../../core/grid';
import { readDemGeoTiff } from '../../../geodata/dem';
import { makeGeoTiff, withoutGeoreferencing } from '../geoTiffFixture';

// 4 x 3 pixels of 0.01 deg from 106.00E, 28.00N; spot heights in metres, one void.
const HEIGHTS = [1000, 1010, 1020, 1030, 1100, 1110, -32768, 1130, 1200, 1210, 1220, 1230];
const fixture = () => makeGeoTiff({ width: 4, height: 3, values: HEIGHTS, origin: [106, 28], pixelSize: [0.01, 0.01], epsg: 4326, nodata: -32768 });

describe('readDemGeoTiff', () => {
  it('reads spot heights, the georeferencing and voids', async () => {
    const r = await readDemGeoTiff(fixture(), 'dem.tif');
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ width: 4, height: 3, originX: 106, originY: 28, pixelSizeX: 0.01, pixelSizeY: 0.01 });
    expect(r.value.values[0]).toBe(1000);
    expect(r.value.values[11]).toBe(1230);
    expect(r.value.values[6]).toBeNaN();
  });

  it('resamples to a planning grid: pixel-centre spot heights, bilinear in between, NaN by voids and outside', async () => {
    const r = await readDemGeoTiff(fixture(), 'dem.tif');
    if (!r.ok) throw new Error(r.message);
    // A 1-cell grid centred at a given lon/lat reads the DEM there.
    const at = (lon: number, lat: number) => {
      const p = makeLocalProjection(lon, lat);
      return resampleBilinear(r.value, { cols: 1, rows: 1, originXM: -0.5, originYM: 0.5, cellSizeM: 1, crs: p.proj4 })[0];
    };
    expect(at(106.005, 27.995)).toBeCloseTo(1000, 3); // centre of pixel (0, 0)
    expect(at(106.035, 27.975)).toBeCloseTo(1230, 3); // centre of pixel (3, 2)
    expect(at(106.01, 27.995)).toBeCloseTo(1005, 2); // halfway between 1000 and 1010
    expect(at(106.01, 27.99)).toBeCloseTo((1000 + 1010 + 1100 + 1110) / 4, 2);
    expect(at(106.025, 27.985)).toBeNaN(); // the void
    expect(at(105.9, 27.99)).toBeNaN(); // off the raster
  });

  it('names the file and the problem for bad input', async () => {
    const bad = await readDemGeoTiff(new TextEncoder().encode('not a tiff at all'), 'broken.tif');
    expect(bad).toMatchObject({ ok: false, code: 'bad-file' });
    expect(!bad.ok && bad.message).toMatch(/^broken\.tif: not a readable TIFF/);

    const noGeo = await readDemGeoTiff(withoutGeoreferencing(fixture()), 'plain.tif');
    expect(noGeo).toMatchObject({ ok: false, code: 'no-georeference' });
    expect(!noGeo.ok && noGeo.message).toMatch(/^plain\.tif: .*no georeferencing/);

    const lambert = makeGeoTiff({ width: 2, height: 2, values: [1, 2, 3, 4], origin: [700000, 6600000], pixelSize: [25, 25], epsg: 2154, geographic: false });
    const other = await readDemGeoTiff(lambert, 'lambert93.tif');
    expect(other).toMatchObject({ ok: false, code: 'unsupported-crs' });
    expect(!other.ok && other.message).toMatch(/^lambert93\.tif: unsupported coordinate system EPSG:2154/);

    const scaled = makeGeoTiff({ width: 2, height: 1, values: [12000, 13000], origin: [106, 28], pixelSize: [0.01, 0.01], epsg: 4326 });
    expect(await readDemGeoTiff(scaled, 'decimetres.tif')).toMatchObject({ ok: false, code: 'bad-values' });
  });

  it('reads Float32 nodata written as decimal text, and shifts PixelIsPoint tie points to the corner', async () => {
    const f32 = makeGeoTiff({ width: 2, height: 1, values: [-3.4028230607370965e38, 700], origin: [106, 28], pixelSize: [0.01, 0.01], epsg: 4326, nodata: -3.4028230607370965e38 });
    const r = await readDemGeoTiff(f32, 'f32.tif');
    expect(r.ok && Array.from(r.value.values)).toEqual([NaN, 700]);
    const point = makeGeoTiff({ width: 2, height: 2, values: [1, 2, 3, 4], origin: [106, 28], pixelSize: [0.01, 0.01], epsg: 4326, pixelIsPoint: true });
    const p = await readDemGeoTiff(point, 'srtm_point.tif');
    expect(p.ok && [p.value.originX, p.value.originY]).toEqual([105.995, 28.005]);
  });

  it('reads a ModelTransformation north-up as is, turns a south-up one north-up, refuses a rotated one', async () => {
    const northUp = makeGeoTiff({ width: 1, height: 2, values: [300, 400], epsg: 4326, transformation: [0.01, 0, 0, 106, 0, -0.01, 0, 28, 0, 0, 0, 0, 0, 0, 0, 1] });
    const n = await readDemGeoTiff(northUp, 'north_up.tif');
    expect(n.ok && [Array.from(n.value.values), n.value.originY, n.value.pixelSizeY]).toEqual([[300, 400], 28, 0.01]);
    // row 0 at 27.98N going north: y = 27.98 + 0.01 * row
    const southUp = makeGeoTiff({ width: 1, height: 2, values: [300, 400], epsg: 4326, transformation: [0.01, 0, 0, 106, 0, 0.01, 0, 27.98, 0, 0, 0, 0, 0, 0, 0, 1] });
    const r = await readDemGeoTiff(southUp, 'south_up.tif');
    expect(r.ok && [Array.from(r.value.values), r.value.originY]).toEqual([[400, 300], 28]);
    const rotated = makeGeoTiff({ width: 1, height: 2, values: [300, 400], epsg: 4326, transformation: [0.01, 0.002, 0, 106, 0.002, -0.01, 0, 28, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(await readDemGeoTiff(rotated, 'rotated.tif')).toMatchObject({ ok: false, code: 'rotated' });
  });

  it('accepts a projected (UTM) DEM', async () => {
    const utm = makeGeoTiff({ width: 2, height: 2, values: [500, 510, 520, 530], origin: [600000, 3100000], pixelSize: [30, 30], epsg: 32648, geographic: false });
    const r = await readDemGeoTiff(utm, 'utm48n.tif');
    expect(r.ok && r.value.crs).toMatch(/\+proj=utm \+zone=48/);
  });
});
