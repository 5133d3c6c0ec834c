import Flatbush from 'flatbush';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import { roadDistances } from './roadDistances';
import type { RoadGraph } from './roadGraph';

/** Per point: the nearest source (OLT) by fibre route and the route length. */
export interface FibreDistances {
  /** index of the nearest source; -1 when there are no sources */
  sourceIdx: Int32Array;
  /** fibre route length to it, m (Infinity when there are no sources) */
  distanceM: Float64Array;
  /** 1 where the route follows roads, 0 where it is straight line x detour factor */
  isViaRoad: Uint8Array;
}

/** Default ratio of fibre route length to straight-line distance when no road network is loaded. */
export const DEFAULT_DETOUR_FACTOR = 1.3;

/**
 * Fibre route length from each point to its nearest source (OLT), in the grid CRS (m).
 * With a road graph: each source enters the graph at its nearest road node (plus the straight lead-in),
 * a multi-source Dijkstra labels every node, and each point takes its nearest road node (flatbush k-NN)
 * plus the straight drop to it. Points whose nearest node no source reaches (a road piece not connected
 * to any OLT), and every point when there is no graph, use straight-line distance x `detourFactor`
 * (default 1.3, the default for planning without roads [EST]).
 * @example fibreDistances(hhX, hhY, oltX, oltY, graph).distanceM[0] // metres of feeder + distribution + drop
 */
export function fibreDistances(
  pointXM: Float64Array,
  pointYM: Float64Array,
  sourceXM: Float64Array,
  sourceYM: Float64Array,
  graph?: RoadGraph,
  options: { detourFactor?: number; cancel?: CancelToken; onProgress?: ProgressFn } = {},
): FibreDistances {
  const detourFactor = options.detourFactor ?? DEFAULT_DETOUR_FACTOR;
  if (!(detourFactor >= 1)) throw new RangeError(`options.detourFactor must be >= 1, got ${detourFactor}`);
  if (pointYM.length !== pointXM.length) throw new RangeError(`pointYM must have ${pointXM.length} entries, got ${pointYM.length}`);
  if (sourceYM.length !== sourceXM.length) throw new RangeError(`sourceYM must have ${sourceXM.length} entries, got ${sourceYM.length}`);
  const n = pointXM.length;
  const out: FibreDistances = {
    sourceIdx: new Int32Array(n).fill(-1),
    distanceM: new Float64Array(n).fill(Infinity),
    isViaRoad: new Uint8Array(n),
  };
  if (sourceXM.length === 0 || n === 0) return out;

  const sourceIndex = new Flatbush(sourceXM.length);
  for (let k = 0; k < sourceXM.length; k++) sourceIndex.add(sourceXM[k], sourceYM[k]);
  sourceIndex.finish();

  let nodeIndex: Flatbush | undefined;
  let road: ReturnType<typeof roadDistances> | undefined;
  if (graph && graph.nodeCount > 0) {
    nodeIndex = new Flatbush(graph.nodeCount);
    for (let i = 0; i < graph.nodeCount; i++) nodeIndex.add(graph.nodeXM[i], graph.nodeYM[i]);
    nodeIndex.finish();
    const sourceNode = new Int32Array(sourceXM.length);
    const leadInM = new Float64Array(sourceXM.length);
    for (let k = 0; k < sourceXM.length; k++) {
      const node = nodeIndex.neighbors(sourceXM[k], sourceYM[k], 1)[0];
      sourceNode[k] = node;
      leadInM[k] = Math.hypot(graph.nodeXM[node] - sourceXM[k], graph.nodeYM[node] - sourceYM[k]);
    }
    road = roadDistances(graph, sourceNode, leadInM, {
      cancel: options.cancel,
      onProgress: options.onProgress && ((f) => options.onProgress!(0.5 * f)),
    });
  }

  const checkEvery = 4096;
  for (let i = 0; i < n; i++) {
    if (i % checkEvery === 0) {
      throwIfCancelled(options.cancel);
      options.onProgress?.((road ? 0.5 : 0) + (road ? 0.5 : 1) * (i / n));
    }
    const x = pointXM[i];
    const y = pointYM[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (nodeIndex && road && graph) {
      const node = nodeIndex.neighbors(x, y, 1)[0];
      if (road.sourceIdx[node] >= 0) {
        out.sourceIdx[i] = road.sourceIdx[node];
        out.distanceM[i] = road.distanceM[node] + Math.hypot(graph.nodeXM[node] - x, graph.nodeYM[node] - y);
        out.isViaRoad[i] = 1;
        continue;
      }
    }
    const k = sourceIndex.neighbors(x, y, 1)[0];
    out.sourceIdx[i] = k;
    out.distanceM[i] = detourFactor * Math.hypot(sourceXM[k] - x, sourceYM[k] - y);
  }
  options.onProgress?.(1);
  return out;
}
