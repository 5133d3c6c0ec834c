import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import KDBush from 'kdbush';
import proj4 from 'proj4';

/**
 * An undirected road graph in a metric CRS, as flat arrays (compressed sparse rows) so it can cross worker
 * boundaries and be walked fast. Neighbours of node n are `adjNode[adjStart[n] .. adjStart[n + 1])`.
 */
export interface RoadGraph {
  nodeCount: number;
  /** node positions in the grid CRS, m */
  nodeXM: Float64Array;
  nodeYM: Float64Array;
  adjStart: Int32Array;
  adjNode: Int32Array;
  /** length of each adjacency entry (the road segment), m */
  adjLengthM: Float64Array;
  /** undirected segments kept (zero-length ones after snapping are dropped) */
  segmentCount: number;
}

/**
 * Builds a road graph from GeoJSON lines in WGS-84, projected into `crs` (a proj4 definition, normally
 * GridSpec.crs). Vertices closer than `snapToleranceM` become one node (the first vertex seen is kept), so
 * lines that meet at a shared or nearly shared vertex are connected; lines that cross without a vertex are
 * not (as in OSM, junctions are shared vertices). Segment lengths are the projected vertex-to-vertex distances.
 * Snapping uses a KD-tree (kdbush).
 * @example const g = buildRoadGraph(project.roads, project.grid.crs, { snapToleranceM: 2 }); g.nodeCount
 */
export function buildRoadGraph(
  roads: FeatureCollection<LineString | MultiLineString>,
  crs: string,
  options: { snapToleranceM?: number } = {},
): RoadGraph {
  const snapToleranceM = options.snapToleranceM ?? 1;
  if (!(snapToleranceM >= 0)) throw new RangeError(`options.snapToleranceM must be >= 0, got ${snapToleranceM}`);
  if (!roads || !Array.isArray(roads.features)) throw new RangeError('roads must be a GeoJSON FeatureCollection');
  const toMetric = proj4('WGS84', crs);

  const lines: Position[][] = [];
  for (const f of roads.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === 'LineString') lines.push(g.coordinates);
    else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
  }
  let vertexCount = 0;
  for (const l of lines) vertexCount += l.length;
  const xM = new Float64Array(vertexCount);
  const yM = new Float64Array(vertexCount);
  const lineStart = new Int32Array(lines.length + 1);
  let v = 0;
  lines.forEach((line, li) => {
    lineStart[li] = v;
    for (const p of line) {
      const [x, y] = toMetric.forward([p[0], p[1]]);
      xM[v] = x;
      yM[v] = y;
      v++;
    }
  });
  lineStart[lines.length] = v;

  const nodeOfVertex = new Int32Array(vertexCount).fill(-1);
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  if (vertexCount > 0) {
    const index = new KDBush(vertexCount);
    for (let i = 0; i < vertexCount; i++) index.add(xM[i], yM[i]);
    index.finish();
    for (let i = 0; i < vertexCount; i++) {
      if (nodeOfVertex[i] >= 0) continue;
      const node = nodeX.length;
      nodeX.push(xM[i]);
      nodeY.push(yM[i]);
      nodeOfVertex[i] = node;
      for (const j of index.within(xM[i], yM[i], snapToleranceM)) if (nodeOfVertex[j] < 0) nodeOfVertex[j] = node;
    }
  }

  const segA: number[] = [];
  const segB: number[] = [];
  const segLengthM: number[] = [];
  for (let li = 0; li < lines.length; li++) {
    for (let i = lineStart[li]; i + 1 < lineStart[li + 1]; i++) {
      const a = nodeOfVertex[i];
      const b = nodeOfVertex[i + 1];
      if (a === b) continue;
      segA.push(a);
      segB.push(b);
      segLengthM.push(Math.hypot(xM[i + 1] - xM[i], yM[i + 1] - yM[i]));
    }
  }

  const nodeCount = nodeX.length;
  const adjStart = new Int32Array(nodeCount + 1);
  for (let s = 0; s < segA.length; s++) {
    adjStart[segA[s] + 1]++;
    adjStart[segB[s] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] += adjStart[n];
  const fill = adjStart.slice(0, nodeCount);
  const adjNode = new Int32Array(2 * segA.length);
  const adjLengthM = new Float64Array(2 * segA.length);
  for (let s = 0; s < segA.length; s++) {
    adjNode[fill[segA[s]]] = segB[s];
    adjLengthM[fill[segA[s]]++] = segLengthM[s];
    adjNode[fill[segB[s]]] = segA[s];
    adjLengthM[fill[segB[s]]++] = segLengthM[s];
  }
  return {
    nodeCount,
    nodeXM: Float64Array.from(nodeX),
    nodeYM: Float64Array.from(nodeY),
    adjStart,
    adjNode,
    adjLengthM,
    segmentCount: segA.length,
  };
}
