import type { Geometry, Position } from 'geojson';

const WKB_TYPE: Record<Exclude<Geometry['type'], 'GeometryCollection'>, number> & { GeometryCollection: number } = {
  Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7,
};

function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point': return 5 + 16;
    case 'LineString': return 9 + 16 * g.coordinates.length;
    case 'Polygon': return 9 + g.coordinates.reduce((n, r) => n + 4 + 16 * r.length, 0);
    case 'MultiPoint': return 9 + 21 * g.coordinates.length;
    case 'MultiLineString': return 9 + g.coordinates.reduce((n, l) => n + 9 + 16 * l.length, 0);
    case 'MultiPolygon': return 9 + g.coordinates.reduce((n, p) => n + 9 + p.reduce((m, r) => m + 4 + 16 * r.length, 0), 0);
    case 'GeometryCollection': return 9 + g.geometries.reduce((n, c) => n + wkbSize(c), 0);
  }
}

/** Envelope [minX, maxX, minY, maxY] in GeoPackage order, or null when the geometry has no coordinates. */
function envelopeOf(g: Geometry): [number, number, number, number] | null {
  const env: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
  const add = (p: Position) => {
    if (Number.isNaN(p[0]) || Number.isNaN(p[1])) return;
    if (p[0] < env[0]) env[0] = p[0];
    if (p[0] > env[1]) env[1] = p[0];
    if (p[1] < env[2]) env[2] = p[1];
    if (p[1] > env[3]) env[3] = p[1];
  };
  const walk = (geom: Geometry): void => {
    switch (geom.type) {
      case 'Point': add(geom.coordinates); break;
      case 'LineString': case 'MultiPoint': geom.coordinates.forEach(add); break;
      case 'Polygon': case 'MultiLineString': geom.coordinates.forEach((r) => r.forEach(add)); break;
      case 'MultiPolygon': geom.coordinates.forEach((p) => p.forEach((r) => r.forEach(add))); break;
      case 'GeometryCollection': geom.geometries.forEach(walk); break;
    }
  };
  walk(g);
  return env[0] <= env[1] ? env : null;
}

/**
 * A GeoJSON geometry as a GeoPackage geometry blob: the 'GP' header (version 0, little-endian, an xy
 * envelope except for points, srs_id) followed by ISO WKB, 2D (OGC 12-128r18 section 2.1.3, clause
 * "GeoPackageBinary"; WKB per OGC 06-103r4). A geometry without coordinates is flagged empty.
 * @example encodeGpkgGeometry({ type: 'Point', coordinates: [106.4, 27.8] }, 4326).length // 8 + 21
 */
export function encodeGpkgGeometry(geometry: Geometry, srsId: number): Uint8Array {
  if (!Number.isInteger(srsId)) throw new RangeError(`srsId must be an integer, got ${srsId}`);
  const env = envelopeOf(geometry);
  const isEmpty = env === null;
  // Points carry no envelope (requirement: the envelope equals the point); other types carry [minx,maxx,miny,maxy].
  const hasEnvelope = !isEmpty && geometry.type !== 'Point';
  const headerSize = 8 + (hasEnvelope ? 32 : 0);
  const out = new Uint8Array(headerSize + wkbSize(geometry));
  const dv = new DataView(out.buffer);
  out[0] = 0x47; // 'G'
  out[1] = 0x50; // 'P'
  out[2] = 0; // version 1 of the blob format
  out[3] = (isEmpty ? 0x10 : 0) | ((hasEnvelope ? 1 : 0) << 1) | 1; // empty flag, envelope indicator, little-endian
  dv.setInt32(4, srsId, true);
  if (hasEnvelope) env.forEach((v, i) => dv.setFloat64(8 + 8 * i, v, true));
  let o = headerSize;
  const pos = (p: Position) => {
    dv.setFloat64(o, p[0], true);
    dv.setFloat64(o + 8, p[1], true);
    o += 16;
  };
  const head = (type: number, count?: number) => {
    out[o] = 1;
    dv.setUint32(o + 1, type, true);
    o += 5;
    if (count !== undefined) {
      dv.setUint32(o, count, true);
      o += 4;
    }
  };
  const ring = (r: Position[]) => {
    dv.setUint32(o, r.length, true);
    o += 4;
    r.forEach(pos);
  };
  const write = (g: Geometry): void => {
    switch (g.type) {
      case 'Point':
        head(1);
        // An empty point is WKB POINT(NaN NaN) (OGC 12-128r18 annex, empty geometries).
        pos(g.coordinates.length >= 2 ? g.coordinates : [NaN, NaN]);
        break;
      case 'LineString': head(2, g.coordinates.length); g.coordinates.forEach(pos); break;
      case 'Polygon': head(3, g.coordinates.length); g.coordinates.forEach(ring); break;
      case 'MultiPoint': head(4, g.coordinates.length); g.coordinates.forEach((p) => { head(1); pos(p); }); break;
      case 'MultiLineString': head(5, g.coordinates.length); g.coordinates.forEach((l) => { head(2); ring(l); }); break;
      case 'MultiPolygon': head(6, g.coordinates.length); g.coordinates.forEach((p) => { head(3, p.length); p.forEach(ring); }); break;
      case 'GeometryCollection': head(WKB_TYPE.GeometryCollection, g.geometries.length); g.geometries.forEach(write); break;
    }
  };
  write(geometry);
  return out;
}
