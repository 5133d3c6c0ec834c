import type { Place } from '../model/place';
import type { ProjectSeat } from '../model/project';

/** A named point gaps are located against: the county seat or a place, in grid metres. */
export interface Landmark {
  nameZh: string;
  nameEn: string;
  isSeat: boolean;
  xM: number;
  yM: number;
}

/** One point of a place's geometry: a point itself, the mean vertex of a polygon's outer ring, a line's middle vertex. */
function placePoint(place: Place): [number, number] | undefined {
  const g = place.geometry;
  switch (g.type) {
    case 'Point': return [g.coordinates[0], g.coordinates[1]];
    case 'LineString': return g.coordinates[Math.floor(g.coordinates.length / 2)] as [number, number] | undefined;
    case 'MultiLineString': return g.coordinates[0]?.[Math.floor(g.coordinates[0].length / 2)] as [number, number] | undefined;
    case 'Polygon':
    case 'MultiPolygon': {
      const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
      if (!ring?.length) return undefined;
      const n = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.length - 1 : ring.length;
      let lon = 0, lat = 0;
      for (let k = 0; k < n; k++) { lon += ring[k][0]; lat += ring[k][1]; }
      return [lon / n, lat / n];
    }
  }
}

/**
 * The landmarks of a project for naming gaps: its seat (Project.seat: '县城' / 'the county seat') and every
 * place (by name in both languages: place names are Chinese), projected to the grid's metres by `toGridM`.
 * @example scoringLandmarks(project.places, project.seat, (p) => proj.forward(p))
 */
export function scoringLandmarks(places: readonly Place[], seat: ProjectSeat | undefined, toGridM: (lonLat: [number, number]) => number[]): Landmark[] {
  const out: Landmark[] = [];
  if (seat) {
    const [xM, yM] = toGridM(seat.lonLat);
    out.push({ nameZh: seat.nameZh, nameEn: seat.nameEn, isSeat: true, xM, yM });
  }
  for (const place of places) {
    const p = placePoint(place);
    if (!p || !p.every(Number.isFinite)) continue;
    const [xM, yM] = toGridM(p);
    out.push({ nameZh: place.name, nameEn: place.name, isSeat: false, xM, yM });
  }
  return out;
}
