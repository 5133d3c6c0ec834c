import { basename } from 'node:path';
import {
  calibratePropagationModel,
  calibrateProject,
  CALIBRATION_FIT,
  linksFromSquareMaps,
  type CalibrationReport,
  type DriveTestRecord,
  type MatchReport,
  type PredictionScores,
} from '../../core/calibration';
import { DEFAULT_PROPAGATION_MODEL, type PropagationModel } from '../../core/propagation';
import { writeProjectGpkg } from '../../geodata/project';
import { readDriveTestFile } from '../../geodata/measurements';
import { EXIT_OK, parseCliArgs, UsageError, type CliCommand, type CliIo } from '../command';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { loadProject } from '../project/loadProject';
import { readMeasurementFiles } from '../readMeasurementFiles';

const USAGE = `Usage:
  qcplan calibrate --project P.gpkg <drive-test files...> [--apply] [options]
  qcplan calibrate <measurement files...> --out model.json [options]

Fits the propagation model's K-factors (core/propagation: distance, heights, terrain and clutter diffraction,
land-use clutter corrections, antenna pattern) to measured RSRP, scored held out by site (k-fold: each site
predicted by a fit without it), and prints before/after RMSE, mean error, sigma and PCRR (F1 of RSRP < -103 dBm).

With --project: the files are drive tests (the 2019 contest layout, a plain CSV with lon, lat, RSRP and a site
or cell id, or a drive-test export with Longitude, Latitude, serving SS-RSRP / RSRP and PCI or cell id columns,
Chinese or English headers). They are matched to the project's sites by cell id or by PCI and distance; the
matching report (matched, unmatched and why) is printed first. Each point is taken at its grid cell, as the
coverage map sees it; the project's own model is the starting point and the "before". With --apply the fitted
model is written into the project (atomically, keeping <file>.bak); without it nothing changes.

Without --project: Huawei 2019 layout files or plain drive-test CSVs carrying their site parameters (lon, lat,
rsrp, site_id and site_lon, site_lat, height_m, azimuth_deg, ... on each row, or from --sites); the model is
written to --out as JSON for 'qcplan predict --model'.

Options:
  --project FILE        project to calibrate (GeoPackage)
  --apply               write the calibrated model into the project
  --out FILE            model file to write (without --project; optional with it)
  --sites FILE          sites CSV for plain drive-test files without --project
  --planar-crs CRS      coordinate system of contest-layout X, Y with --project (EPSG:326zz / 327zz, or proj4)
  --pci-distance-m M    a PCI matches sectors of sites within M metres (default 5000)
  --folds K             k of the held-out scoring by site (default 5)
  --json                print the report as JSON`;

function brief(s: PredictionScores) {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { points: s.count, rmseDb: r(s.rmseDb), meanErrorDb: r(s.meanErrorDb), sigmaDb: r(s.sigmaDb), pcrr: r(s.pcrr) };
}

function summary(report: CalibrationReport, model: PropagationModel) {
  return {
    model: model.name,
    folds: report.folds,
    before: brief(report.before),
    after: { ...brief(report.after), method: `held out, ${report.folds}-fold by site` },
    kFactors: model.kFactors,
    clutterCorrectionDb: model.clutterCorrectionDb,
    worstSites: [...report.perGroup]
      .sort((a, b) => b.after.rmseDb - a.after.rmseDb)
      .slice(0, 5)
      .map((g) => ({ site: g.group, points: g.points, rmseDb: +g.after.rmseDb.toFixed(2), meanErrorDb: +g.after.meanErrorDb.toFixed(2) })),
  };
}

function printMatching(io: CliIo, m: MatchReport, skipped: number) {
  io.stderr(`matched ${m.matched} of ${m.records} samples (${m.matchedById} by cell id, ${m.matchedByPci} by PCI) to ${m.perSite.length} sites; ${skipped} rows skipped while reading\n`);
  for (const r of m.unmatchedReasons) io.stderr(`  unmatched ${r.count}: ${r.reason} (${r.examples.join('; ')})\n`);
}

function scoresLine(label: string, s: PredictionScores): string {
  return `${label}: RMSE ${s.rmseDb.toFixed(2)} dB, mean error ${s.meanErrorDb.toFixed(2)} dB, sigma ${s.sigmaDb.toFixed(2)} dB, PCRR ${s.pcrr.toFixed(3)} (${s.count} points)`;
}

/** A model as the JSON file calibrate writes and predict --model reads. */
function modelJson(model: PropagationModel): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(model, null, 2) + '\n');
}

/** `qcplan calibrate`: fit the propagation model to measured RSRP, for a project or to a model file. */
export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'fit the propagation model to drive tests (held-out by site), into a project (--apply) or model.json',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals: files } = parseCliArgs({
      args,
      allowPositionals: true,
      options: {
        project: { type: 'string' }, apply: { type: 'boolean' }, out: { type: 'string' }, sites: { type: 'string' },
        'planar-crs': { type: 'string' }, 'pci-distance-m': { type: 'string' }, folds: { type: 'string' }, json: { type: 'boolean' },
      },
    });
    if (files.length === 0) throw new UsageError('no measurement files given');
    const folds = values.folds === undefined ? undefined : Number(values.folds);
    if (folds !== undefined && !(Number.isInteger(folds) && folds >= 2)) throw new UsageError(`--folds must be an integer >= 2, got ${values.folds}`);
    const pciDistanceM = values['pci-distance-m'] === undefined ? undefined : Number(values['pci-distance-m']);
    if (pciDistanceM !== undefined && !(pciDistanceM > 0)) throw new UsageError(`--pci-distance-m must be > 0, got ${values['pci-distance-m']}`);
    const atIso = new Date().toISOString();
    const command = `qcplan calibrate ${args.join(' ')}`;
    let lastTenth = -1;
    const onProgress = (f: number) => {
      const tenth = Math.floor(f * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr(`calibrating ${tenth * 10} %\n`);
      }
    };

    if (!values.project) {
      if (values.apply) throw new UsageError('--apply needs --project');
      if (!values.out) throw new UsageError('--out model.json is required without --project');
      const { set } = await readMeasurementFiles(files, io.cwd, { sitesPath: values.sites, onFile: (path, rows) => io.stderr(`read ${path}: ${rows} rows\n`) });
      const links = linksFromSquareMaps(set, { onProgress: (f) => onProgress(0.3 * f) });
      const report = calibratePropagationModel(
        {
          links, base: DEFAULT_PROPAGATION_MODEL, fittedOn: `${files.map((f) => basename(f)).join(', ')} (${set.points.length} points, ${set.cells.length} cells)`,
          atIso, command, folds, fit: CALIBRATION_FIT, name: `已校准模型 ${atIso.slice(0, 10)}`,
        },
        { onProgress: (f) => onProgress(0.3 + 0.7 * f) },
      );
      await writeCliOutput(values.out, io.cwd, modelJson(report.model), { inputs: [...files, ...(values.sites ? [values.sites] : [])] });
      io.stdout(JSON.stringify({ out: values.out, ...summary(report, report.model) }, null, 2) + '\n');
      return EXIT_OK;
    }

    const project = await loadProject(values.project, io.cwd);
    const records: DriveTestRecord[] = [];
    let skipped = 0;
    for (const file of files) {
      const bytes = await readCliInput(file, io.cwd, 'measurements');
      const read = readDriveTestFile(bytes, basename(file), { planarCrs: values['planar-crs'] });
      if (!read.ok) throw new Error(read.message);
      records.push(...read.value.records);
      skipped += read.value.problems.length;
      io.stderr(`read ${file} (${read.value.layout}): ${read.value.records.length} samples of ${read.value.rowsRead} rows; columns ${Object.entries(read.value.columns).map(([k, h]) => `${k}=${h}`).join(', ')}\n`);
      for (const p of read.value.problems.slice(0, 5)) io.stderr(`  ${p.file}:${p.line ?? '-'}: ${p.field ?? ''}: ${p.reason}\n`);
      if (read.value.problems.length > 5) io.stderr(`  ... ${read.value.problems.length - 5} more rows skipped\n`);
    }
    const calibration = calibrateProject(project, records, { atIso, command, folds, pciMaxDistanceM: pciDistanceM, onProgress });
    printMatching(io, calibration.matching, skipped);
    if (calibration.notPredicted) io.stderr(`  ${calibration.notPredicted} matched samples fall where the project predicts nothing (no terrain data): left out\n`);
    const { report } = calibration;
    io.stderr(`${scoresLine('before (the project model)', report.before)}\n${scoresLine('after (held out by site)', report.after)}\n`);
    if (values.out) await writeCliOutput(values.out, io.cwd, modelJson(report.model), { inputs: [...files, values.project] });
    if (values.apply) {
      await writeCliOutput(values.project, io.cwd, await writeProjectGpkg({ ...project, propagationModel: report.model }), { inputs: files, mayReplaceProject: true, keepBackup: true });
      io.stderr(`wrote the calibrated model into ${values.project} (previous file kept as ${basename(values.project)}.bak)\n`);
    }
    const out = { project: values.project, applied: Boolean(values.apply), matching: calibration.matching, ...summary(report, report.model) };
    io.stdout(values.json ? JSON.stringify(out, null, 2) + '\n' : `${scoresLine('before', report.before)}\n${scoresLine('after (held out)', report.after)}\n${values.apply ? 'applied' : 'not applied (use --apply)'}\n`);
    return EXIT_OK;
  },
};
