import { fibreKpiInput } from '../../core/evaluation';
import { analyseFibre } from '../../core/ftth';
import type { Kpi, ScoreReport } from '../../core/scoring';
import { countyByCode } from '../../geodata/counties';
import { workerCount } from '../workerCount';
import { EXIT_OK, UsageError, type CliCommand, parseCliArgs } from '../command';
import { capacityText } from '../format/capacityText';
import { KPI_LABELS } from '../format/kpiLabels';
import { formatTable } from '../format/table';
import { evaluateProject } from '../project/evaluateProject';
import { loadProject } from '../project/loadProject';
import { progressReporter } from '../progress';

const USAGE = `Usage: qcplan score <project.gpkg> [--json] [--top N] [--workers N] [--location-probability P] [--quiet]

Scores a project's 5G coverage as the app does: county KPIs against their targets, the priority places,
the ranked coverage gaps (worst first) and the busy-hour capacity (traffic model: load per sector, overloaded
sectors, the sectors or micro sites they need, each place's capacity; settings.capacity, sourced defaults).
The report first says what the figures rest on: the location probability (the project's setting, 50 % = the
median prediction, unless given here), the propagation model and where the land use comes from.
  --json       print one JSON object { county, kpis, places, gaps, basis, capacity } instead of tables
  --top N      gaps and sectors to list (default 20; JSON lists all gaps and the 200 most loaded sectors)
  --workers N  coverage worker threads (default: one per core; 0 = none)
  --location-probability P
               score at P of locations (0 < P < 1, e.g. 0.95: RSRP >= target at 95 % of locations; the
               median prediction less z(P) x the model's sigma) for this run; the project is not changed
  --quiet      no progress on stderr`;

function formatKpiValue(k: Kpi, value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (k.unit === 'share') return `${(value * 100).toFixed(1)} %`;
  if (k.unit === 'mbps') return `${value.toFixed(0)} Mbit/s`;
  return value.toFixed(2);
}

function formatReport(report: ScoreReport, top: number): string {
  const kpis = formatTable(
    ['KPI', 'value', 'target', 'status', 'note'],
    report.kpis.map((k) => [
      KPI_LABELS[k.id],
      formatKpiValue(k, k.value),
      formatKpiValue(k, k.target),
      k.status,
      [k.isModelled ? 'modelled' : '', k.isUnverified ? 'target unverified' : ''].filter(Boolean).join(', '),
    ]),
  );
  const places = formatTable(
    ['place', 'category', 'covered', 'met', 'key points', 'people affected'],
    report.places.map((p) => [
      p.name,
      p.category,
      Number.isFinite(p.coveredShare) ? `${(p.coveredShare * 100).toFixed(0)} %` : 'off grid',
      p.isMet ? 'yes' : 'no',
      p.keyPointCount ? `${p.keyPointsMet}/${p.keyPointCount}` : '-',
      Math.round(p.peopleAffected).toString(),
    ]),
  );
  const gaps = formatTable(
    ['rank', 'where', 'area km2', 'people', 'weighted', 'fix', 'no service', 'places', 'centre lon,lat'],
    report.gaps.slice(0, top).map((g) => [
      String(g.rank),
      g.location?.zh ?? '-',
      (g.areaM2 / 1e6).toFixed(2),
      Math.round(g.people).toString(),
      Math.round(g.weightedPeople).toString(),
      g.fix,
      `${(g.noServiceShare * 100).toFixed(0)} %`,
      String(g.placeIds.length),
      `${g.centroidLonLat[0].toFixed(5)},${g.centroidLonLat[1].toFixed(5)}`,
    ]),
  );
  const b = report.basis;
  const basis = b
    ? `Coverage predicted at ${Math.round(b.locationProbability * 100)} % of locations (${b.locationProbability === 0.5 ? 'the median' : `the median less ${b.shadowMarginDb.toFixed(1)} dB = z(p) x sigma ${b.sigmaDb.toFixed(1)} dB`}); ` +
      `model: ${b.model.name} (${b.model.source}${b.model.heldOutRmseDb === null ? '' : `, held-out RMSE ${b.model.heldOutRmseDb.toFixed(1)} dB`}); land use: ${b.landUse.source}\n`
    : '';
  const ns = report.noService;
  const noService = `No service (no site within range): ${ns.areaKm2.toFixed(1)} km2 (${(ns.areaShare * 100).toFixed(1)} % of the county), ` +
    `${Math.round(ns.people)} people${Number.isFinite(ns.peopleShare) ? ` (${(ns.peopleShare * 100).toFixed(1)} %)` : ''}`;
  const skipped = report.skippedSites ?? [];
  const left = skipped.length ? `\nSites left out of the coverage (${skipped.length})\n${skipped.map((s) => `  ${s.reason}`).join('\n')}\n` : '';
  return `${basis}County KPIs (predicted coverage: modelled, not measured)\n${kpis}\n${noService}\n\nPriority places (${report.places.length})\n${places}\n` +
    `Gaps, worst first (${Math.min(top, report.gaps.length)} of ${report.gaps.length}; large regions in pieces of about one macro site's area)\n${gaps}${left}`;
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'county KPIs, place scores and ranked gaps of a project',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCliArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, top: { type: 'string' }, workers: { type: 'string' }, 'location-probability': { type: 'string' } },
      });
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('give exactly one project file');
    const top = values.top === undefined ? 20 : Number(values.top);
    if (!Number.isInteger(top) || top < 0) throw new UsageError(`--top must be a whole number >= 0, got ${values.top}`);
    const workers = workerCount(values.workers, io);

    const p = values['location-probability'] === undefined ? undefined : Number(values['location-probability']);
    if (p !== undefined && !(p > 0 && p < 1)) throw new UsageError(`--location-probability must be a number between 0 and 1 (e.g. 0.95), got ${values['location-probability']}`);

    const loaded = await loadProject(positionals[0], io.cwd, (m) => io.stderr(`${positionals[0]}: ${m}\n`));
    const project = p === undefined ? loaded : { ...loaded, settings: { ...loaded.settings, radio: { ...loaded.settings.radio, locationProbability: p } } };
    const progress = progressReporter(io, 'scoring');
    const fibre = project.olts.length > 0 ? analyseFibre(project, { seatLonLat: countyByCode(project.countyCode)?.seatLonLat }) : null;
    if (fibre && !fibre.ok) io.stderr(`fibre KPIs left out: ${fibre.message}\n`);
    const evaluator = await evaluateProject(project, { workers, fibre: fibre?.ok ? fibreKpiInput(fibre.value) : undefined, onProgress: progress.update });
    progress.done();
    const { report } = evaluator;
    if (values.json) {
      io.stdout(JSON.stringify({ county: project.countyCode, name: project.name, sites: project.sites.length, ...report }, null, 2) + '\n');
    } else {
      io.stdout(`${project.name} (${project.countyCode}): ${project.sites.length} sites, grid ${project.grid.cols} x ${project.grid.rows} at ${project.grid.cellSizeM} m\n\n`);
      io.stdout(formatReport(report, top));
      io.stdout(`\n${capacityText(report.capacity, top)}`);
    }
    return EXIT_OK;
  },
};
