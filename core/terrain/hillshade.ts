import { assertGridSpec, type GridSpec } from '../grid/gridSpec';

/**
 * Relief shading of a terrain grid, 0 (full shadow) .. 1 (fully lit), by Horn's (1981) third-order finite
 * difference slope and aspect, lit from `azimuthDeg` (clockwise from north) at `altitudeDeg` above the horizon
 * (the GDAL `gdaldem hillshade` defaults, 315 deg and 45 deg). Edge cells reuse their nearest neighbour; NaN
 * heights give NaN. Source: B.K.P. Horn, "Hill shading and the reflectance map", Proc. IEEE 69(1), 1981.
 * @example hillshade(grid, flatTerrainM)[0] // sin(45 deg) = 0.7071 on flat ground
 */
export function hillshade(
  grid: GridSpec,
  terrainM: Float32Array,
  options: { azimuthDeg?: number; altitudeDeg?: number; zFactor?: number } = {},
  out = new Float32Array(grid.cols * grid.rows),
): Float32Array {
  assertGridSpec(grid);
  if (terrainM.length !== grid.cols * grid.rows) {
    throw new RangeError(`terrainM must have ${grid.cols * grid.rows} cells, got ${terrainM.length}`);
  }
  const { cols, rows, cellSizeM } = grid;
  const zenithRad = ((90 - (options.altitudeDeg ?? 45)) * Math.PI) / 180;
  // Math convention: the light's direction as an angle from +x counter-clockwise.
  const azimuthMathRad = ((360 - (options.azimuthDeg ?? 315) + 90) * Math.PI) / 180;
  const z = options.zFactor ?? 1;
  const cosZenith = Math.cos(zenithRad);
  const sinZenith = Math.sin(zenithRad);
  const at = (r: number, c: number) => terrainM[Math.min(rows - 1, Math.max(0, r)) * cols + Math.min(cols - 1, Math.max(0, c))];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = at(r - 1, c - 1), b = at(r - 1, c), cc = at(r - 1, c + 1);
      const d = at(r, c - 1), f = at(r, c + 1);
      const g = at(r + 1, c - 1), h = at(r + 1, c), i = at(r + 1, c + 1);
      // x grows east, y grows north (row 0 is north, so "up" is r - 1).
      const dzdx = ((cc + 2 * f + i) - (a + 2 * d + g)) / (8 * cellSizeM);
      const dzdy = ((a + 2 * b + cc) - (g + 2 * h + i)) / (8 * cellSizeM);
      const slopeRad = Math.atan(z * Math.hypot(dzdx, dzdy));
      const aspectRad = Math.atan2(-dzdy, -dzdx); // downslope direction
      const shade = cosZenith * Math.cos(slopeRad) + sinZenith * Math.sin(slopeRad) * Math.cos(azimuthMathRad - aspectRad);
      out[r * cols + c] = shade < 0 ? 0 : shade;
    }
  }
  return out;
}
