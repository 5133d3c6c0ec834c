import { bbox } from '@turf/turf';
import proj4 from 'proj4';
import type { GridSpec } from '../../core/grid';
import type { Place } from '../../core/model';
import type { Gap } from '../../core/scoring';
import type { LonLatBounds } from '../map/MapCommands';

/** [west, south, east, north] of a place: its geometry, or its circle for a point with a radius. */
export function placeBounds(place: Place): LonLatBounds {
  const g = place.geometry;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates;
    const rM = Math.max(place.radiusM ?? 0, 200);
    const dLat = rM / 111_320;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
  }
  return bbox(g) as LonLatBounds;
}

/** [west, south, east, north] of a gap's cells (its bbox in the grid, corners taken back to WGS-84). */
export function gapBounds(gap: Pick<Gap, 'bbox'>, grid: GridSpec): LonLatBounds {
  const [col0, row0, col1, row1] = gap.bbox;
  const toLonLat = proj4(grid.crs, 'WGS84');
  const x0 = grid.originXM + col0 * grid.cellSizeM;
  const x1 = grid.originXM + (col1 + 1) * grid.cellSizeM;
  const y1 = grid.originYM - row0 * grid.cellSizeM;
  const y0 = grid.originYM - (row1 + 1) * grid.cellSizeM;
  const corners = [[x0, y0], [x0, y1], [x1, y0], [x1, y1]].map((p) => toLonLat.forward(p));
  const lons = corners.map((c) => c[0]);
  const lats = corners.map((c) => c[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
