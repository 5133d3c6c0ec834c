import { writeArrayBuffer } from 'geotiff';

/** What a fixture GeoTIFF carries; absent georeferencing fields are left out of the file. */
export interface FixtureSpec {
  width: number;
  height: number;
  values: number[];
  /** [lon or x of the west edge, lat or y of the north edge] */
  origin?: [number, number];
  pixelSize?: [number, number];
  /** EPSG code; geographic when geographic is true */
  epsg?: number;
  geographic?: boolean;
  nodata?: number;
  /** GTRasterTypeGeoKey 2: the tie point is the centre of pixel (0, 0) */
  pixelIsPoint?: boolean;
  /** ModelTransformation (16 values, row-major 4x4) instead of origin + pixelSize */
  transformation?: number[];
}

/**
 * A small Float32 GeoTIFF in memory (geotiff.js writer, which writes no Int16), for reader tests: known
 * values at known places.
 */
export function makeGeoTiff(spec: FixtureSpec): Uint8Array {
  const meta: Record<string, unknown> = {
    width: spec.width,
    height: spec.height,
    BitsPerSample: [32],
    SampleFormat: [3],
  };
  if (spec.origin && spec.pixelSize) {
    meta.ModelPixelScale = [spec.pixelSize[0], spec.pixelSize[1], 0];
    meta.ModelTiepoint = [0, 0, 0, spec.origin[0], spec.origin[1], 0];
  }
  if (spec.transformation) meta.ModelTransformation = spec.transformation;
  if (spec.epsg !== undefined) {
    if (spec.geographic ?? true) {
      meta.GTModelTypeGeoKey = 2;
      meta.GeographicTypeGeoKey = spec.epsg;
    } else {
      meta.GTModelTypeGeoKey = 1;
      meta.ProjectedCSTypeGeoKey = spec.epsg;
    }
    meta.GTRasterTypeGeoKey = spec.pixelIsPoint ? 2 : 1;
  }
  if (spec.nodata !== undefined) meta.GDAL_NODATA = String(spec.nodata);
  return new Uint8Array(writeArrayBuffer(Float32Array.from(spec.values), meta));
}

/** TIFF tags that georeference a GeoTIFF: ModelPixelScale, ModelTiepoint, ModelTransformation. */
const GEOREFERENCING_TAGS = [33550, 33922, 34264];

/**
 * The same big-endian TIFF with its georeferencing tags renamed to a private tag number, which readers
 * ignore (the geotiff.js writer always adds a whole-globe transform when none is given).
 */
export function withoutGeoreferencing(tiff: Uint8Array): Uint8Array {
  const out = tiff.slice();
  const view = new DataView(out.buffer);
  if (view.getUint16(0) !== 0x4d4d) throw new Error('expected a big-endian (MM) TIFF');
  const ifd = view.getUint32(4);
  const count = view.getUint16(ifd);
  for (let k = 0; k < count; k++) {
    const at = ifd + 2 + 12 * k;
    if (GEOREFERENCING_TAGS.includes(view.getUint16(at))) view.setUint16(at, 65000 + k);
  }
  return out;
}
