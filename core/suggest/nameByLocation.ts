import type { Site } from '../model';
import { gapLocation, type Landmark } from '../scoring';
import type { SuggestionCandidate } from './suggestionCandidates';

const KIND_ZH: Record<Site['kind'], string> = { macro: '宏站', micro: '微站', indoor: '室分' };
/** What a generated site is for, in the name a planner reads in the build list. */
const PURPOSE_ZH: Partial<Record<SuggestionCandidate['reason'], string>> = {
  'gap-centre': '补盲',
  'terrain-high-point': '补盲',
  capacity: '扩容',
};

/**
 * A generated suggestion named by where it stands and what it fixes, instead of its internal id
 * ('规划宏站-GT-0-321'): the nearest landmark (the county seat or a place) with direction and distance
 * (gapLocation), the kind and the purpose: '县城东北 12 km 宏站（补盲）', '茅台机场附近 微站（扩容）'. The project's
 * own candidates and the indoor systems (named after their place) keep their names, as do sites without landmarks.
 * @example nameByLocation(candidate, prep.landmarks, (p) => proj.forward(p)) // '县城东北 12 km 宏站（补盲）'
 */
export function nameByLocation(candidate: SuggestionCandidate, landmarks: readonly Landmark[], toGridM: (lonLat: [number, number]) => number[]): Site {
  const { site, reason } = candidate;
  const purpose = PURPOSE_ZH[reason];
  if (!purpose) return site;
  const [xM, yM] = toGridM([site.lonDeg, site.latDeg]);
  const where = gapLocation(landmarks, xM, yM);
  if (!where) return site;
  return { ...site, name: `${where.zh} ${KIND_ZH[site.kind]}（${purpose}）` };
}
