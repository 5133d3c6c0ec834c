import { fibreKpiInput } from '../../core/evaluation';
import { analyseFibre } from '../../core/ftth';
import type { Project } from '../../core/model';
import type { Kpi } from '../../core/scoring';
import { countyByCode } from '../../geodata/counties';
import { evaluateProject } from '../project/evaluateProject';
import { buildCountyProject } from './buildCountyProject';
import type { CountyRequest, CountyResult } from './types';

const NEEDS_POPULATION = new Set<Kpi['id']>([
  'popCoverageOutdoor', 'popCoverageIndoor', 'popCoverageUrban', 'popCoverageRural', 'sitesPer10k', 'dlMeanBuiltUpMbps', 'dlP10BuiltUpMbps',
  'capacityDemandShare',
]);

function naReason(k: Kpi, project: Project, fibreNote: string | undefined): string {
  if (NEEDS_POPULATION.has(k.id) && !project.population) {
    return 'no population: no sourced 2020 census figure for this county and no --population raster';
  }
  if (k.id === 'householdsGigabit' || k.id === 'pon10gShare') return fibreNote ?? 'no OLTs given (--inputs DIR/<code>.olts.csv)';
  if (k.id === 'keyPlaceReach') return 'no priority places in the county';
  if (k.id === 'popCoverageUrban') return 'no urban cells (>= 1,500 persons/km2)';
  if (k.id === 'popCoverageRural') return 'no rural cells';
  if (k.id === 'dlMeanBuiltUpMbps' || k.id === 'dlP10BuiltUpMbps') return 'no built-up cells (>= 300 persons/km2)';
  if (k.id === 'capacityDemandShare') return project.sites.length === 0 ? 'no sites: no sector serves any busy-hour demand' : 'no busy-hour demand on the cells the sites serve';
  return 'its input is missing';
}

/**
 * Builds one county's project (buildCountyProject) and scores it with the app's evaluator (PlanEvaluator
 * through cli/project/evaluateProject, fibre KPIs from core/ftth analyseFibre when OLTs are given, as
 * qcplan score does). KPIs without a value carry the reason. `durationMs` is measured with performance.now.
 * @example const r = await scoreCounty({ code: '520382', cellSizeM: 100, inputs: {}, acceptGood: false, coverageWorkers: 0 }); r.kpis[0].value
 */
export async function scoreCounty(request: CountyRequest, options: { onProgress?: (fraction: number) => void } = {}): Promise<CountyResult> {
  const startMs = performance.now();
  const { project, inputs } = await buildCountyProject(request);
  const county = countyByCode(request.code)!;
  const fibre = project.olts.length > 0 ? analyseFibre(project, { seatLonLat: county.seatLonLat }) : null;
  const fibreNote = fibre && !fibre.ok ? `fibre analysis failed: ${fibre.message}` : undefined;
  const evaluator = await evaluateProject(project, {
    workers: request.coverageWorkers,
    fibre: fibre?.ok ? fibreKpiInput(fibre.value) : undefined,
    onProgress: options.onProgress,
  });
  const { report } = evaluator;
  let populationTotal = 0;
  if (project.population) for (const v of project.population.values) populationTotal += v;
  return {
    code: county.code,
    name: county.name,
    nameEn: county.nameEn,
    prefectureCode: county.prefectureCode,
    prefecture: county.prefecture,
    isPilot: county.isPilot,
    grid: { cols: project.grid.cols, rows: project.grid.rows, cellSizeM: project.grid.cellSizeM },
    population: project.population
      ? { provenance: project.population.provenance === 'file' ? 'file' : 'modelled', total: populationTotal, source: project.population.source ?? '' }
      : { provenance: 'absent', total: null, source: 'no sourced 2020 census figure for this county (shared/reference/guizhou_counties_sources.md) and no --population raster' },
    terrain: project.terrain?.source ?? 'flat ground',
    sites: project.sites.length,
    places: project.places.length,
    olts: project.olts.length,
    inputs,
    kpis: report.kpis.map(({ delta: _delta, ...k }) =>
      Number.isFinite(k.value) ? k : { ...k, value: null, naReason: naReason(k, project, fibreNote) },
    ),
    placeScores: report.places,
    gapCount: report.gaps.length,
    topGaps: report.gaps.slice(0, 20).map(({ outline: _outline, ...g }) => g),
    ...(fibreNote && { fibreNote }),
    durationMs: performance.now() - startMs,
  };
}
