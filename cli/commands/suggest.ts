import path from 'node:path';
import type { Project } from '../../core/model';
import { acceptSuggestions, suggestForProject, type ProjectSuggestion } from '../../core/suggest';
import { writeProjectGpkg } from '../../geodata/project';
import { workerCount } from '../workerCount';
import { EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { checkOutputPath } from '../../disk';
import { writeCliOutput } from '../inputFiles';
import { formatTable } from '../format/table';
import { loadProject } from '../project/loadProject';
import { progressReporter } from '../progress';
import { NodeCoveragePool } from '../workers/nodeCoveragePool';

const USAGE = `Usage: qcplan suggest <project.gpkg> --budget CNY [--sites N] [--seed S] [--json] [--apply OUT.gpkg] [--workers N] [--exact] [--no-generate] [--no-capacity] [--quiet]

Suggests which candidate sites to build to close today's coverage gaps within a budget: the project's
candidates plus generated ones (gap centres, terrain high points, indoor systems at places missing only the
indoor target, micro sites at the hot spots of sectors over the target load), footprints predicted by the
radio engine, lazy greedy + local search, and for up to 200 candidates the HiGHS optimum and the heuristic's
gap. A site's value is the weighted people it newly covers plus the busy-hour demand it relieves (people on
overloaded sectors it takes over, times their sector's excess share; core/capacity). Costs are the project's
cost table (defaults [EST]).
  --budget CNY     total budget in CNY (at least one of --budget and --sites)
  --sites N        at most N new sites
  --seed S         local-search seed (default 1): same seed, same answer
  --json           one JSON object: ranked sites, coverage-vs-investment curve, HiGHS gap, re-scored gain
  --apply OUT      write a copy of the project with the suggestions added as planned sites (never the input)
  --workers N      footprint worker threads (default: one per core; 0 = none)
  --exact          solve the HiGHS integer program whatever the candidate count (time limit 60 s)
  --no-generate    the project's own candidates only
  --no-capacity    coverage only: no relief of overloaded sectors, no hot-spot micro sites`;

function positiveNumber(flag: string, raw: string | undefined, isInteger: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!(v > 0 && Number.isFinite(v)) || (isInteger && !Number.isInteger(v))) throw new UsageError(`${flag} must be a ${isInteger ? 'whole ' : ''}number > 0, got ${raw}`);
  return v;
}

const yuan = (cny: number): string => Math.round(cny).toLocaleString('en-US');

function formatSuggestion(project: Project, s: ProjectSuggestion): string {
  const { result } = s;
  const byId = new Map(s.chosenSites.map((site) => [site.id, site]));
  const rows = result.sites.map((r) => {
    const site = byId.get(r.candidateId)!;
    return [
      String(r.rank),
      r.candidateId + (r.isRequired ? ' *' : ''),
      site.kind,
      site.buildMethod,
      yuan(r.costCny),
      Math.round(r.gainPeople).toString(),
      Math.round(r.gainRelief).toString(),
      String(r.gainPlaces),
      r.gainAreaKm2.toFixed(2),
      r.gainPeoplePer10kCny.toFixed(1),
      r.gainDemandPer10kCny.toFixed(1),
      `${site.lonDeg.toFixed(5)},${site.latDeg.toFixed(5)}`,
    ];
  });
  const counts = Object.entries(s.candidateCounts).map(([k, v]) => `${v} ${k}`).join(', ');
  const lines = [
    `${project.name} (${project.countyCode}): ${s.today.gapCells} cells miss their target today, ${Math.round(s.today.gapPeople)} people`,
    `candidates: ${counts}; costs from the cost table (defaults are estimates [EST])`,
    '',
    formatTable(['rank', 'site', 'type', 'build method', 'cost CNY', 'new people', 'relief', 'new places', 'new km2', 'people/10k CNY', 'weighted/10k CNY', 'lon,lat'], rows),
    `total: ${result.sites.length} sites, ${yuan(result.totals.costCny)} CNY, ${Math.round(result.totals.people)} people, ${result.totals.places} places, ${result.totals.areaKm2.toFixed(1)} km2 newly covered (RSRP of each site alone, modelled)`,
    `re-scored with SINR and interference: +${Math.round(s.rescored.peopleGained)} people, -${Math.round(s.rescored.peopleLost)} people who lose their target`,
  ];
  if (s.capacity) {
    const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : 'n/a');
    const { before, after } = s.capacity;
    lines.push(
      `capacity (busy hour, modelled): demand within the target load ${pct(before.demandShareWithinTarget)} -> ${pct(after.demandShareWithinTarget)}, ` +
        `overloaded sectors ${before.overloadedSectors} -> ${after.overloadedSectors}; relief = weighted people on overloaded sectors taken over x their excess share`,
    );
  }
  const ex = result.exact;
  if (ex) {
    const gap = Number.isFinite(ex.heuristicGapPct) ? `${ex.heuristicGapPct.toFixed(3)} %` : 'n/a';
    lines.push(`HiGHS (${ex.status}): optimum ${Math.round(ex.optimumDemand)} weighted demand, heuristic ${Math.round(result.totals.demand)}, gap ${gap}`);
  } else {
    lines.push(`HiGHS gap not computed (${Object.values(s.candidateCounts).reduce((a, b) => a + b, 0)} candidates, over the limit of 200; --exact forces it)`);
  }
  if (result.unmetConstraints.length > 0) lines.push(`unmet: ${result.unmetConstraints.join('; ')}`);
  if (rows.some((r) => r[1].endsWith(' *'))) lines.push('* chosen to meet a constraint');
  lines.push('ranked by weighted demand (people x place weight, [EST] weights) per CNY, given the sites above');
  return lines.join('\n') + '\n';
}

export const suggestCommand: CliCommand = {
  name: 'suggest',
  summary: 'suggest sites to build within a budget, ranked, with the gap to the optimum',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs({
      args,
      allowPositionals: true,
      options: {
        budget: { type: 'string' },
        sites: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        apply: { type: 'string' },
        workers: { type: 'string' },
        exact: { type: 'boolean' },
        'no-generate': { type: 'boolean' },
        'no-capacity': { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one project file');
    const budgetCny = positiveNumber('--budget', values.budget, false);
    const maxSites = positiveNumber('--sites', values.sites, true);
    if (budgetCny === undefined && maxSites === undefined) throw new UsageError('give --budget CNY (or --sites N)');
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, got ${values.seed}`);
    const workers = workerCount(values.workers, io);
    const input = path.resolve(io.cwd, positionals[0]);
    const out = values.apply === undefined ? undefined : path.resolve(io.cwd, values.apply);
    if (out === input) throw new UsageError('--apply must name a new file: the input project is never overwritten');
    // checked before the minutes of work, again when writing: the input never, through links neither
    if (out) await checkOutputPath(out, { inputs: [input], mayReplaceProject: true });

    const project = await loadProject(positionals[0], io.cwd, (m) => io.stderr(`${positionals[0]}: ${m}\n`));
    const progress = progressReporter(io, 'suggesting');
    const pool = new NodeCoveragePool({ size: workers });
    let suggestion: ProjectSuggestion;
    try {
      suggestion = await suggestForProject(project, {
        budgetCny,
        maxSites,
        seed,
        exact: values.exact ? true : 'auto',
        generation: { isGenerating: !values['no-generate'] },
        capacity: !values['no-capacity'],
        predict: (ctx, sites, o) => pool.predictFootprints(ctx, sites, o),
        onProgress: progress.update,
        clockMs: () => performance.now(),
      });
    } finally {
      await pool.close();
      progress.done();
    }

    let applied: { file: string; siteIds: string[] } | undefined;
    if (out) {
      const accepted = acceptSuggestions(project.sites, suggestion.chosenSites, suggestion.chosenSites.map((s) => s.id));
      const siteIds = accepted.sites.slice(project.sites.length).map((s) => s.id);
      const chosen = new Set(suggestion.chosenSites.map((s) => s.id));
      const copy: Project = {
        ...project,
        sites: accepted.sites,
        candidates: project.candidates.filter((c) => !chosen.has(c.id)),
        history: [
          ...(project.history ?? []),
          { atIso: new Date().toISOString(), action: 'suggest.apply', detail: { budgetCny, maxSites, seed, candidateIds: [...chosen], siteIds } },
        ],
      };
      // another project the planner names is replaced with a .bak kept, as a save does
      await writeCliOutput(out, io.cwd, await writeProjectGpkg(copy), { inputs: [input], mayReplaceProject: true, keepBackup: true });
      const relative = path.relative(io.cwd, out);
      applied = { file: relative.startsWith('..') ? out : relative, siteIds };
    }

    if (values.json) {
      const byId = new Map(suggestion.chosenSites.map((s) => [s.id, s]));
      const sites = suggestion.result.sites.map((r) => {
        const s = byId.get(r.candidateId)!;
        return { ...r, name: s.name, kind: s.kind, buildMethod: s.buildMethod, lonDeg: s.lonDeg, latDeg: s.latDeg, source: s.source };
      });
      const { sites: _sites, ...rest } = suggestion.result;
      const { result: _result, chosenSites: _chosen, ...meta } = suggestion;
      io.stdout(JSON.stringify({ county: project.countyCode, name: project.name, budgetCny, maxSites, sites, ...rest, ...meta, applied }, null, 2) + '\n');
    } else {
      io.stdout(formatSuggestion(project, suggestion));
      if (applied) io.stdout(`wrote ${applied.file}: ${applied.siteIds.length} planned sites added (${applied.siteIds.join(', ')})\n`);
    }
    return EXIT_OK;
  },
};
