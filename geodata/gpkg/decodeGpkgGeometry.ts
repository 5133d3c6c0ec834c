import type { Geometry, Position } from 'geojson';

/** Envelope sizes in bytes by the header's envelope indicator (OGC 12-128r18 table 6); 5-7 are invalid. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];
const MAX_DEPTH = 32;

/**
 * Decodes a GeoPackage geometry blob (header + WKB; OGC 12-128r18 section 2.1.3) to GeoJSON, keeping x, y
 * (z and m are dropped). Returns null for an empty blob without a WKB body. Throws RangeError naming what is wrong for a
 * malformed blob: bad magic, unknown envelope, truncated or oversized counts, unknown WKB type.
 * @example decodeGpkgGeometry(encodeGpkgGeometry({ type: 'Point', coordinates: [1, 2] }, 4326)) // { type: 'Point', coordinates: [1, 2] }
 */
export function decodeGpkgGeometry(blob: Uint8Array): { geometry: Geometry | null; srsId: number } {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new RangeError('geometry blob does not start with "GP"');
  const flags = blob[3];
  if ((flags & 0x20) !== 0) throw new RangeError('extended GeoPackage geometry types are not supported');
  const envelopeIndicator = (flags >> 1) & 7;
  if (envelopeIndicator >= ENVELOPE_BYTES.length) throw new RangeError(`invalid envelope indicator ${envelopeIndicator}`);
  const dv = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const srsId = dv.getInt32(4, (flags & 1) === 1);
  let o = 8 + ENVELOPE_BYTES[envelopeIndicator];
  // An empty geometry still carries its (empty) WKB; only a blob without any body decodes to null.
  if ((flags & 0x10) !== 0 && o >= blob.length) return { geometry: null, srsId };
  const need = (n: number) => {
    if (o + n > blob.length) throw new RangeError(`geometry blob truncated at byte ${o} (needs ${n} more)`);
  };
  const read = (depth: number): Geometry => {
    if (depth > MAX_DEPTH) throw new RangeError('geometry nested too deeply');
    need(5);
    const le = blob[o] === 1;
    if (blob[o] > 1) throw new RangeError(`invalid WKB byte order ${blob[o]} at byte ${o}`);
    const code = dv.getUint32(o + 1, le);
    o += 5;
    // ISO WKB adds 1000 (Z), 2000 (M), 3000 (ZM) to the base type.
    const base = code % 1000;
    const dims = Math.floor(code / 1000);
    if (dims > 3) throw new RangeError(`unknown WKB geometry type ${code}`);
    const stride = 8 * (dims === 0 ? 2 : dims === 3 ? 4 : 3);
    const pos = (): Position => {
      need(stride);
      const p = [dv.getFloat64(o, le), dv.getFloat64(o + 8, le)];
      o += stride;
      return p;
    };
    const count = (minBytesEach: number) => {
      need(4);
      const n = dv.getUint32(o, le);
      o += 4;
      // A count the remaining bytes cannot hold is corruption; checking here keeps a bad blob from spinning.
      if (n * minBytesEach > blob.length - o) throw new RangeError(`WKB count ${n} exceeds the blob at byte ${o - 4}`);
      return n;
    };
    const points = () => Array.from({ length: count(stride) }, pos);
    const rings = () => Array.from({ length: count(4) }, points);
    const parts = <T extends Geometry>(type: string, min: number): T[] =>
      Array.from({ length: count(min) }, () => {
        const g = read(depth + 1);
        if (g.type !== type) throw new RangeError(`expected ${type} inside a multi-geometry, got ${g.type}`);
        return g as T;
      });
    switch (base) {
      case 1: {
        const p = pos();
        return { type: 'Point', coordinates: Number.isNaN(p[0]) && Number.isNaN(p[1]) ? [] : p };
      }
      case 2: return { type: 'LineString', coordinates: points() };
      case 3: return { type: 'Polygon', coordinates: rings() };
      case 4: return { type: 'MultiPoint', coordinates: parts<{ type: 'Point'; coordinates: Position }>('Point', 21).map((g) => g.coordinates) };
      case 5: return { type: 'MultiLineString', coordinates: parts<{ type: 'LineString'; coordinates: Position[] }>('LineString', 9).map((g) => g.coordinates) };
      case 6: return { type: 'MultiPolygon', coordinates: parts<{ type: 'Polygon'; coordinates: Position[][] }>('Polygon', 9).map((g) => g.coordinates) };
      case 7: return { type: 'GeometryCollection', geometries: Array.from({ length: count(5) }, () => read(depth + 1)) };
      default: throw new RangeError(`unknown WKB geometry type ${code}`);
    }
  };
  return { geometry: read(0), srsId };
}
