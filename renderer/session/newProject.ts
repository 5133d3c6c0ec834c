import { makeLocalProjection } from '../../core/geo/localProjection';
import { gridForBoundsM } from '../../core/grid';
import { defaultProjectSettings, PROJECT_SCHEMA_VERSION, type Project } from '../../core/model';
import type { County } from '../../geodata/counties';

/** A new, empty project of `county`: its boundary and a 25 m grid in its local projection. */
export function newProject(county: County): Project {
  const projection = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const poly of county.boundary.coordinates) {
    for (const [lon, lat] of poly[0]) {
      const [x, y] = projection.forward([lon, lat]);
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
  }
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name: county.name,
    countyCode: county.code,
    boundary: county.boundary,
    grid: gridForBoundsM([minX, minY, maxX, maxY], 25, projection.proj4),
    settings: defaultProjectSettings(),
    sites: [],
    places: [],
    candidates: [],
    olts: [],
  };
}
