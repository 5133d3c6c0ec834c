import type { FeatureCollection, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeLocalProjection } from '../../../core/geo/localProjection';
import { buildRoadGraph, fibreDistances, roadDistances } from '../../../core/ftth';

// A hand-made network laid out in metres of a local projection (x east, y north):
//   D(0,1000) ---- C(1000,1000)
//   |              |
//   A(0,0) ------- B(1000,0) ------- E(2000,0)     F(2005,0) - G(2005,500)  (F, G: a separate road)
// The B-C line starts 0.3 m off B, so it joins B only through snapping.
const proj = makeLocalProjection(106.7, 26.6);
const ll = (x: number, y: number) => proj.inverse([x, y]);
const roads: FeatureCollection<LineString> = {
  type: 'FeatureCollection',
  features: [
    [[0, 0], [1000, 0], [2000, 0]],
    [[1000.3, 0], [1000, 1000]],
    [[1000, 1000], [0, 1000], [0, 0]],
    [[2005, 0], [2005, 500]],
  ].map((pts) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => ll(x, y)) } })),
};
const f64 = (...v: number[]) => Float64Array.from(v);

describe('buildRoadGraph', () => {
  it('snaps vertices within the tolerance into one node', () => {
    const g = buildRoadGraph(roads, proj.proj4, { snapToleranceM: 1 });
    expect(g.nodeCount).toBe(7);
    expect(g.segmentCount).toBe(6);
    const g0 = buildRoadGraph(roads, proj.proj4, { snapToleranceM: 0.1 });
    expect(g0.nodeCount).toBe(8);
  });

  it('measures segment lengths in metres of the CRS', () => {
    const g = buildRoadGraph(roads, proj.proj4);
    let totalM = 0;
    for (let e = 0; e < g.adjLengthM.length; e++) totalM += g.adjLengthM[e];
    // each segment counted from both ends: 2 x (1000 + 1000 + hypot(0.3, 1000) + 1000 + 1000 + 500)
    expect(totalM / 2).toBeCloseTo(4500 + Math.hypot(0.3, 1000), 2);
  });

  it('rejects a negative tolerance', () => {
    expect(() => buildRoadGraph(roads, proj.proj4, { snapToleranceM: -1 })).toThrow(/snapToleranceM/);
  });
});

describe('roadDistances', () => {
  it('labels each node with its nearest source by road', () => {
    const g = buildRoadGraph(roads, proj.proj4);
    const node = (x: number, y: number) => {
      for (let i = 0; i < g.nodeCount; i++) if (Math.hypot(g.nodeXM[i] - x, g.nodeYM[i] - y) < 0.5) return i;
      throw new Error(`no node at ${x},${y}`);
    };
    const r = roadDistances(g, Int32Array.of(node(0, 0), node(2000, 0)), f64(10, 20));
    expect(r.distanceM[node(1000, 0)]).toBeCloseTo(1010, 2);
    expect(r.sourceIdx[node(1000, 0)]).toBe(0);
    expect(r.distanceM[node(2000, 0)]).toBeCloseTo(20, 2);
    expect(r.sourceIdx[node(2000, 0)]).toBe(1);
    expect(r.distanceM[node(1000, 1000)]).toBeCloseTo(2010, 2);
    expect(r.distanceM[node(0, 1000)]).toBeCloseTo(1010, 2);
    expect(r.distanceM[node(2005, 500)]).toBe(Infinity);
    expect(r.sourceIdx[node(2005, 500)]).toBe(-1);
  });

  it('rejects a source off the graph and stops when cancelled', () => {
    const g = buildRoadGraph(roads, proj.proj4);
    expect(() => roadDistances(g, Int32Array.of(99), f64(0))).toThrow(/sourceNode/);
    // a 3000-node chain: long enough to reach a cancellation check
    const n = 3000;
    const chain = buildRoadGraph(
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: n }, (_, i) => ll(10 * i, 0)) } }] },
      proj.proj4,
    );
    expect(chain.nodeCount).toBe(n);
    expect(() => roadDistances(chain, Int32Array.of(0), f64(0), { cancel: { aborted: true } })).toThrow(/cancelled/);
    expect(roadDistances(chain, Int32Array.of(0), f64(0)).distanceM[n - 1]).toBeCloseTo(10 * (n - 1), 1);
  });
});

describe('fibreDistances', () => {
  const olts = { x: f64(-10, 2000), y: f64(0, 20) };
  const hh = { x: f64(1000, 1900, 2005), y: f64(1010, 5, 600) };

  it('adds the OLT lead-in, the road path and the drop (hand-computed)', () => {
    const g = buildRoadGraph(roads, proj.proj4);
    const r = fibreDistances(hh.x, hh.y, olts.x, olts.y, g);
    // H1: OLT1 lead-in 10 + A-D-C 2000 + drop 10
    expect(r.sourceIdx[0]).toBe(0);
    expect(r.distanceM[0]).toBeCloseTo(2020, 2);
    // H2: OLT2 lead-in 20 (to E) + drop hypot(100, 5)
    expect(r.sourceIdx[1]).toBe(1);
    expect(r.distanceM[1]).toBeCloseTo(20 + Math.hypot(100, 5), 2);
    expect(Array.from(r.isViaRoad.subarray(0, 2))).toEqual([1, 1]);
    // H3: nearest node G is on a road no OLT reaches: straight line to OLT2 x 1.3
    expect(r.isViaRoad[2]).toBe(0);
    expect(r.sourceIdx[2]).toBe(1);
    expect(r.distanceM[2]).toBeCloseTo(1.3 * Math.hypot(5, 580), 2);
  });

  it('without roads uses straight line x detour factor', () => {
    const r = fibreDistances(hh.x, hh.y, olts.x, olts.y, undefined, { detourFactor: 1.5 });
    expect(r.sourceIdx[0]).toBe(1);
    expect(r.distanceM[0]).toBeCloseTo(1.5 * Math.hypot(1000, 990), 2);
    expect(Array.from(r.isViaRoad)).toEqual([0, 0, 0]);
    expect(() => fibreDistances(hh.x, hh.y, olts.x, olts.y, undefined, { detourFactor: 0.9 })).toThrow(/detourFactor/);
  });

  it('gives -1 / Infinity when there is no OLT', () => {
    const r = fibreDistances(hh.x, hh.y, f64(), f64());
    expect(Array.from(r.sourceIdx)).toEqual([-1, -1, -1]);
    expect(r.distanceM[0]).toBe(Infinity);
  });
});
