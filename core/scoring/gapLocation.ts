import type { Landmark } from './landmarks';

/** Where a gap is, named after the nearest landmark: '县城东北 12 km' / '12 km NE of the county seat'. */
export interface GapLocation {
  zh: string;
  en: string;
  /** the landmark's Chinese name */
  landmark: string;
  isSeat: boolean;
  /** from the landmark to the gap's centre, m */
  distanceM: number;
  /** degrees clockwise from north, from the landmark to the gap's centre */
  bearingDeg: number;
}

const POINTS_ZH = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
const POINTS_EN = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
/** Closer than this, a gap is "near" its landmark rather than in a direction from it, m. */
const NEAR_M = 1000;

const km = (m: number) => (m < 10_000 ? (m / 1000).toFixed(1) : String(Math.round(m / 1000)));

/**
 * Names the point (xM, yM) of the grid by the nearest landmark (the seat or a place), with the direction on
 * an 8-point compass and the distance: '县城东北 12 km', '茅台机场西南 3.2 km', within 1 km '县城附近'; in
 * English '12 km NE of the county seat', 'near 茅台机场'. Grid north stands for north (a county's transverse
 * Mercator turns it by well under a degree). Undefined without landmarks.
 * @example gapLocation(prep.landmarks, xM, yM)?.zh // '县城东北 12 km'
 */
export function gapLocation(landmarks: readonly Landmark[], xM: number, yM: number): GapLocation | undefined {
  let best: Landmark | undefined;
  let bestM2 = Infinity;
  // squared distances: this runs for every gap a site edit reshapes
  for (let k = 0; k < landmarks.length; k++) {
    const l = landmarks[k];
    const dx = xM - l.xM;
    const dy = yM - l.yM;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestM2) { bestM2 = d2; best = l; }
  }
  if (!best) return undefined;
  const bestM = Math.sqrt(bestM2);
  const bearingDeg = ((Math.atan2(xM - best.xM, yM - best.yM) * 180) / Math.PI + 360) % 360;
  const point = Math.round(bearingDeg / 45) % 8;
  // a name ending in Latin letters ('… WMT/ZUMT') gets a space before the direction
  const gap = /[A-Za-z0-9)]$/.test(best.nameZh) ? ' ' : '';
  const zh = bestM < NEAR_M ? `${best.nameZh}${gap}附近` : `${best.nameZh}${gap}${POINTS_ZH[point]} ${km(bestM)} km`;
  const en = bestM < NEAR_M ? `near ${best.nameEn}` : `${km(bestM)} km ${POINTS_EN[point]} of ${best.nameEn}`;
  return { zh, en, landmark: best.nameZh, isSeat: best.isSeat, distanceM: bestM, bearingDeg };
}
