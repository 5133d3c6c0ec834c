import type { Position } from 'geojson';
import type { GridSpec } from '../grid/gridSpec';
import type { Place } from '../model/place';
import { forEachCellInRings } from './scanPolygon';

/** The grid cells of one place, computed once so re-scoring only reads raster values. */
export interface PlaceCells {
  /** ascending cell indices: cells whose centre is inside the area, or cells the line passes through */
  cells: Int32Array;
  /** lines only: length of the line inside each cell of `cells`, m */
  lengthM?: Float32Array;
  /** cell of each key point, -1 where outside the grid */
  keyPointCells: Int32Array;
  /** [col0, row0, col1, row1] inclusive over cells and key points; null when none is in the grid */
  bbox: [number, number, number, number] | null;
}

/**
 * Rasterises a place over a grid. Polygons: cells whose centre is inside (even-odd). Points: cells whose
 * centre is within `radiusM` (default half a cell), at least the cell holding the point. Lines: each segment
 * is cut where it crosses cell edges and each piece's length credited to its cell (lengths off the grid
 * are dropped). `toGridM` maps [lonDeg, latDeg] (WGS-84) to grid metres, e.g. proj4('WGS84', grid.crs).forward.
 * @example rasterisePlace(place, grid, proj4('WGS84', grid.crs).forward).cells.length
 */
export function rasterisePlace(place: Place, grid: GridSpec, toGridM: (lonLat: [number, number]) => number[]): PlaceCells {
  const { cols, rows, originXM, originYM, cellSizeM } = grid;
  const cellOf = (xy: number[]): number => {
    const col = Math.floor((xy[0] - originXM) / cellSizeM);
    const row = Math.floor((originYM - xy[1]) / cellSizeM);
    return col >= 0 && col < cols && row >= 0 && row < rows ? row * cols + col : -1;
  };
  const project = (p: Position): number[] => toGridM([p[0], p[1]]);
  const set = new Set<number>();
  let lengths: Map<number, number> | undefined;
  const g = place.geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const rings of polygons) forEachCellInRings(rings.map((r) => r.map(project)), grid, (i) => set.add(i));
  } else if (g.type === 'Point') {
    const [x, y] = project(g.coordinates);
    const radiusM = place.radiusM ?? cellSizeM / 2;
    const col0 = Math.max(0, Math.floor((x - radiusM - originXM) / cellSizeM));
    const col1 = Math.min(cols - 1, Math.floor((x + radiusM - originXM) / cellSizeM));
    const row0 = Math.max(0, Math.floor((originYM - y - radiusM) / cellSizeM));
    const row1 = Math.min(rows - 1, Math.floor((originYM - y + radiusM) / cellSizeM));
    for (let row = row0; row <= row1; row++) {
      const dy = originYM - (row + 0.5) * cellSizeM - y;
      for (let col = col0; col <= col1; col++) {
        const dx = originXM + (col + 0.5) * cellSizeM - x;
        if (dx * dx + dy * dy <= radiusM * radiusM) set.add(row * cols + col);
      }
    }
    const own = cellOf([x, y]);
    if (set.size === 0 && own >= 0) set.add(own);
  } else {
    lengths = new Map();
    const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const line of lines) {
      const pts = line.map(project);
      for (let k = 1; k < pts.length; k++) {
        const [xa, ya] = pts[k - 1];
        const [xb, yb] = pts[k];
        const segM = Math.hypot(xb - xa, yb - ya);
        // split the segment where it crosses cell edges, so each piece lies in one cell
        const ts = [0, 1];
        for (const [a, b, origin, sign] of [[xa, xb, originXM, 1], [ya, yb, originYM, -1]]) {
          const ua = (sign * (a - origin)) / cellSizeM;
          const ub = (sign * (b - origin)) / cellSizeM;
          for (let e = Math.ceil(Math.min(ua, ub)); e <= Math.floor(Math.max(ua, ub)); e++) {
            const t = (e - ua) / (ub - ua);
            if (t > 0 && t < 1) ts.push(t);
          }
        }
        ts.sort((p, q) => p - q);
        for (let s = 1; s < ts.length; s++) {
          const f = (ts[s - 1] + ts[s]) / 2;
          const i = cellOf([xa + f * (xb - xa), ya + f * (yb - ya)]);
          if (i >= 0) lengths.set(i, (lengths.get(i) ?? 0) + (ts[s] - ts[s - 1]) * segM);
        }
      }
    }
    for (const i of lengths.keys()) set.add(i);
  }
  const cells = Int32Array.from(set).sort();
  const keyPointCells = Int32Array.from((place.keyPoints ?? []).map((p) => cellOf(toGridM(p))));
  let bbox: PlaceCells['bbox'] = null;
  for (const i of [...cells, ...keyPointCells]) {
    if (i < 0) continue;
    const col = i % cols;
    const row = (i - col) / cols;
    if (!bbox) bbox = [col, row, col, row];
    else bbox = [Math.min(bbox[0], col), Math.min(bbox[1], row), Math.max(bbox[2], col), Math.max(bbox[3], row)];
  }
  return { cells, lengthM: lengths && Float32Array.from(cells, (i) => lengths.get(i)!), keyPointCells, bbox };
}
