import FlatQueue from 'flatqueue';
import { throwIfCancelled, type CancelToken, type ProgressFn } from '../cancel';
import type { RoadGraph } from './roadGraph';

/** Result of a multi-source shortest-path run: per node, the nearest source and its distance. */
export interface RoadDistances {
  /** shortest road distance to the nearest source, m; Infinity where no source is connected */
  distanceM: Float64Array;
  /** index (into the sources) of that source; -1 where none is connected */
  sourceIdx: Int32Array;
}

/**
 * Multi-source Dijkstra over a road graph: every node gets the nearest source by road and the distance.
 * Source k enters at node `sourceNode[k]` with an initial distance `sourceOffsetM[k]` (e.g. the lead-in from
 * an OLT to its nearest road node). Binary heap from flatqueue with lazy deletion; O((V + E) log V).
 * Source: Dijkstra (1959), "A note on two problems in connexion with graphs".
 * @example roadDistances(graph, Int32Array.of(0), Float64Array.of(0)).distanceM[5]
 */
export function roadDistances(
  graph: RoadGraph,
  sourceNode: Int32Array,
  sourceOffsetM: Float64Array,
  options: { cancel?: CancelToken; onProgress?: ProgressFn } = {},
): RoadDistances {
  if (sourceOffsetM.length !== sourceNode.length) {
    throw new RangeError(`sourceOffsetM must have ${sourceNode.length} entries, got ${sourceOffsetM.length}`);
  }
  for (let k = 0; k < sourceNode.length; k++) {
    if (!(sourceNode[k] >= 0 && sourceNode[k] < graph.nodeCount)) {
      throw new RangeError(`sourceNode[${k}] must be a node of the graph, got ${sourceNode[k]}`);
    }
  }
  const n = graph.nodeCount;
  const distanceM = new Float64Array(n).fill(Infinity);
  const sourceIdx = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const queue = new FlatQueue<number>();
  for (let k = 0; k < sourceNode.length; k++) {
    const node = sourceNode[k];
    if (sourceOffsetM[k] < distanceM[node]) {
      distanceM[node] = sourceOffsetM[k];
      sourceIdx[node] = k;
      queue.push(node, sourceOffsetM[k]);
    }
  }
  const { adjStart, adjNode, adjLengthM } = graph;
  const checkEvery = Math.max(1024, n >> 6);
  let settled = 0;
  while (queue.length > 0) {
    const node = queue.pop() as number;
    if (done[node]) continue;
    done[node] = 1;
    if (++settled % checkEvery === 0) {
      throwIfCancelled(options.cancel);
      options.onProgress?.(settled / n);
    }
    const d = distanceM[node];
    for (let e = adjStart[node]; e < adjStart[node + 1]; e++) {
      const next = adjNode[e];
      const nd = d + adjLengthM[e];
      if (nd < distanceM[next]) {
        distanceM[next] = nd;
        sourceIdx[next] = sourceIdx[node];
        queue.push(next, nd);
      }
    }
  }
  options.onProgress?.(1);
  return { distanceM, sourceIdx };
}
