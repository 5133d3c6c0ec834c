import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../core/model';
import { planCountyRoadmap, type RoadmapCountyEntry, type RoadmapNetworkBasis } from '../../core/roadmap';
import { countyByCode } from '../../geodata/counties';
import { writeProjectGpkg } from '../../geodata/project';
import { atomicWriteFile } from '../../disk';
import { buildCountyProject } from '../province/buildCountyProject';
import type { RoadmapCountyOutcome, RoadmapRequest } from './types';
import { networkBasisZh } from './zhText';

/**
 * One county's roadmap: the project qcplan province builds (buildCountyProject: real-county defaults, the
 * operator's files from --inputs checked as qcplan import does), planned for `request.year`
 * (planCountyRoadmap), then written to the roadmap folder: counties/<code>.gpkg, the whole project with the
 * proposals as proposed sites (the app opens it; its name and settings.roadmap say what it rests on), and
 * counties/<code>.json, the county's figures and its proposed sites. Returns the summary only: nothing of the
 * county is kept once it is written.
 * @example await roadmapCounty({ code: '520382', cellSizeM: 50, year: 2025, ... })
 */
export async function roadmapCounty(request: RoadmapRequest): Promise<RoadmapCountyOutcome> {
  const startMs = performance.now();
  const county = countyByCode(request.code)!;
  const { project, inputs } = await buildCountyProject({ ...request, coverageWorkers: 0 });
  project.settings = { ...project.settings, capacity: { ...(project.settings.capacity as object | undefined), year: request.year } };
  const plan = await planCountyRoadmap(project, {
    minGainPer10kCny: request.minGainPer10kCny,
    maxCostCny: request.maxCostCny ?? undefined,
    maxRounds: request.maxRounds,
  });

  const sitesFile = inputs.find((i) => i.kind === 'sites' && i.isImported);
  const network: RoadmapNetworkBasis = sitesFile
    ? {
        basis: 'operator-file',
        file: sitesFile.file,
        ...(request.inputModifiedMs.sites !== undefined && { fileModifiedMs: request.inputModifiedMs.sites }),
        existingSites: project.sites.filter((s) => s.status === 'existing').length,
        plannedSites: project.sites.filter((s) => s.status === 'planned').length,
      }
    : { basis: 'from-zero', existingSites: 0, plannedSites: 0 };
  let population: number | null = null;
  if (project.population) {
    population = 0;
    for (const v of project.population.values) if (v > 0) population += v;
  }
  const proposed = { macro: 0, micro: 0, indoor: 0, total: plan.proposedSites.length, costCny: 0 };
  for (const s of plan.proposedSites) {
    proposed[s.kind]++;
    proposed.costCny += s.costCny ?? 0;
  }
  const per10k = (n: number) => (population && population > 0 ? n / (population / 1e4) : null);
  const files = { project: `counties/${county.code}.gpkg`, detail: `counties/${county.code}.json` };
  const entry: RoadmapCountyEntry = {
    code: county.code,
    name: county.name,
    prefecture: county.prefecture,
    isPilot: county.isPilot,
    population: project.population
      ? { total: population, provenance: project.population.provenance === 'file' ? 'file' : 'modelled', source: project.population.source }
      : { total: null, provenance: 'absent', source: 'no population layer: no sourced census figure and no --population raster' },
    terrain: project.terrain?.source ?? null,
    network,
    proposed,
    proposedPer10k: per10k(proposed.total),
    costPerResidentCny: population && population > 0 ? proposed.costCny / population : null,
    sitesPer10kAfter: per10k(project.sites.length + proposed.total),
    before: plan.before,
    after: plan.after,
    targets: plan.targets,
    rounds: plan.rounds,
    curve: plan.curve,
    uncovered: plan.uncovered,
    extraSectorsNeeded: plan.after.capacity.extraSectorsNeeded,
    files,
    durationMs: 0,
  };

  const basis = networkBasisZh(network);
  const withProposals: Project = {
    ...project,
    name: `${county.name} ${request.year}年5G建设路线图（${network.basis === 'from-zero' ? '从零测算' : '基于运营商站点表'}）`,
    sites: [...project.sites, ...plan.proposedSites],
    candidates: [],
    settings: {
      ...project.settings,
      roadmap: {
        year: request.year,
        basis,
        note: '建议站点为模型测算结果（覆盖与负荷为预测值），投资为单价表估算值（估）',
        proposedCostCny: proposed.costCny,
      },
    },
  };
  await mkdir(path.join(request.outDir, 'counties'), { recursive: true });
  await atomicWriteFile(path.join(request.outDir, files.project), await writeProjectGpkg(withProposals), { keepBackup: false });
  entry.durationMs = performance.now() - startMs;
  const sites = plan.proposedSites.map((s, k) => ({
    id: s.id, name: s.name, kind: s.kind, buildMethod: s.buildMethod, lonDeg: s.lonDeg, latDeg: s.latDeg, heightAglM: s.heightAglM,
    costCny: s.costCny ?? null, round: plan.steps[k].round, gainPeopleModelled: plan.steps[k].gainPeople, gainReliefModelled: plan.steps[k].gainRelief,
  }));
  await writeFile(path.join(request.outDir, files.detail), JSON.stringify({ ...entry, basis, proposedSites: sites }, null, 1) + '\n');
  return { entry, inputs, band: project.settings.radio.band };
}
