import { centroid } from '@turf/turf';
import { siteCostCny, type CostTable } from '../costs';
import type { Project } from '../model/project';
import type { Site } from '../model/site';
import type { ScoringState } from '../scoring';
import { gapCentreCandidates } from './gapCentreCandidates';
import { gapTileCandidates } from './gapTileCandidates';
import { indoorCandidates, type IndoorGapPlace } from './indoorCandidates';
import { labelGaps } from './labelGaps';
import type { GeneratedCandidate } from './proposedSiteAt';
import type { SuggestionBaseline } from './suggestionBaseline';
import { terrainHighPointCandidates } from './terrainHighPointCandidates';

/** A site the optimiser may pick: one of the project's candidates, or one the tool generated. */
export interface SuggestionCandidate {
  /** status 'proposed', with buildMethod and costCny */
  site: Site;
  reason: GeneratedCandidate['reason'] | 'project' | 'capacity';
  gapId?: number;
  placeId?: string;
}

/** Which candidates to generate; each count or size has a default. */
export interface CandidateGeneration {
  /** gap centres: gaps with less weighted demand are skipped (default 1) */
  minGapDemand?: number;
  /** at most this many gap centres, largest demand first (default 300) */
  maxGapCentres?: number;
  /** tile centres in gaps of at least `tileMinGapAreaKm2` (default 4 km²), one per `tileSizeM` tile (default 2,000 m) */
  tileSizeM?: number;
  tileMinGapAreaKm2?: number;
  /** terrain high points near gaps of at least this area (default 1 km²), one per `highPointAreaKm2` of gap (default 10 km²), at most 30 per gap */
  highPointMinGapAreaKm2?: number;
  highPointAreaKm2?: number;
  /** false: the project's own candidates only */
  isGenerating?: boolean;
}

/** A place missing only its indoor target: the share of its cells meeting the outdoor part reaches minShare and every key point meets it. */
function indoorOnlyPlaces(state: ScoringState): IndoorGapPlace[] {
  const { prep, status, placeScores } = state;
  const out: IndoorGapPlace[] = [];
  prep.places.forEach((place, k) => {
    const score = placeScores[k];
    if (!score || score.isMet || score.environment !== 'indoor') return;
    const { cells, keyPointCells } = prep.placeCells[k];
    if (cells.length === 0) return;
    let outdoorMet = 0;
    for (const c of cells) if (status[c] & 8) outdoorMet++;
    if (outdoorMet / cells.length < prep.settings.places[place.category].minShare) return;
    for (const c of keyPointCells) if (c >= 0 && !(status[c] & 8)) return;
    const [lonDeg, latDeg] = place.geometry.type === 'Point' ? place.geometry.coordinates : centroid(place.geometry).geometry.coordinates;
    out.push({ placeId: place.id, name: place.name, lonDeg, latDeg });
  });
  return out;
}

/**
 * The candidate sites of a suggestion run: the project's candidates (cost from the site, else the cost
 * table) and, unless `isGenerating` is false, generated ones from today's gaps (labelGaps over the cells
 * missing their target): demand-weighted gap centres (macro when the gap is >= 0.5 km², else micro), tile
 * centres inside large gaps (gapTileCandidates), terrain high points near large gaps
 * (terrainHighPointCandidates, needs project.terrain) and indoor systems at places that miss only the
 * indoor target. Costs come from `costTable` ([EST] defaults). Ids are unique; a project candidate keeps its id.
 * @example const cands = suggestionCandidates(project, state, suggestionBaseline(state), costTableFromSettings({ costs: project.settings.costs }))
 */
export function suggestionCandidates(
  project: Project,
  state: ScoringState,
  baseline: SuggestionBaseline,
  costTable: CostTable,
  options: CandidateGeneration = {},
): SuggestionCandidate[] {
  const band = project.settings.radio.band;
  const out: SuggestionCandidate[] = project.candidates.map((site, i) => {
    const fromTable = site.costCny === undefined ? siteCostCny(costTable, site.kind, site.buildMethod) : undefined;
    const costCny = site.costCny ?? fromTable?.costCny;
    if (!(costCny !== undefined && costCny > 0)) {
      throw new RangeError(`project.candidates[${i}] (${site.id}) has no cost and the cost table has no ${site.kind} x ${site.buildMethod} entry`);
    }
    const isCostEstimate = fromTable ? fromTable.entry.provenance.isEstimate === true : site.isCostEstimate;
    return { site: { ...site, status: 'proposed', costCny, ...(isCostEstimate !== undefined && { isCostEstimate }) }, reason: 'project' };
  });
  if (options.isGenerating === false) return out;
  const { grid } = project;
  const { labels, gaps } = labelGaps(grid, baseline.missesTarget, baseline.demand);
  const minGapDemand = options.minGapDemand ?? 1;
  const maxGapCentres = options.maxGapCentres ?? 300;
  const withDemand = gaps.filter((g) => g.demand >= minGapDemand).slice(0, maxGapCentres);
  out.push(...gapCentreCandidates(grid, withDemand, costTable, { band }));
  out.push(
    ...gapTileCandidates(grid, labels, gaps, baseline.demand, costTable, {
      band,
      tileSizeM: options.tileSizeM,
      minGapAreaKm2: options.tileMinGapAreaKm2,
      minDemand: minGapDemand,
    }),
  );
  if (project.terrain) {
    const minArea = options.highPointMinGapAreaKm2 ?? 1;
    const perKm2 = options.highPointAreaKm2 ?? 10;
    for (const g of withDemand) {
      if (g.areaKm2 < minArea) continue;
      const maxPerGap = Math.min(30, Math.max(1, Math.round(g.areaKm2 / perKm2)));
      // spaced by about the area each should serve, so many peaks spread over a large gap
      const peakRadiusM = Math.max(250, Math.min(2000, Math.sqrt((perKm2 * 1e6) / Math.PI) / 2));
      out.push(...terrainHighPointCandidates(grid, project.terrain.values, [g], costTable, { band, minGapAreaKm2: minArea, maxPerGap, peakRadiusM }));
    }
  }
  out.push(...indoorCandidates(indoorOnlyPlaces(state), costTable, { band }));
  const ids = new Set<string>();
  return out.filter((c) => (ids.has(c.site.id) ? false : (ids.add(c.site.id), true)));
}
