import { basename } from 'node:path';
import { linksFromProject, linksFromSquareMaps, matchDriveTest, predictLinks, type DriveTestRecord } from '../../core/calibration';
import { coverageContextFromProject } from '../../core/coverage';
import { DEFAULT_PROPAGATION_MODEL, parsePropagationModel, type PropagationModel } from '../../core/propagation';
import { readDriveTestFile } from '../../geodata/measurements';
import { EXIT_OK, parseCliArgs, UsageError, type CliCommand } from '../command';
import { csvField } from '../../geodata/export';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { loadProject } from '../project/loadProject';
import { readMeasurementFiles } from '../readMeasurementFiles';

const USAGE = `Usage:
  qcplan predict --model model.json <measurement files...> --out predictions.csv [--sites FILE]
  qcplan predict --project P.gpkg <drive-test files...> --out predictions.csv [--planar-crs CRS]

Predicts median RSRP with the propagation model for every row of the input files.
With --model (a file from 'qcplan calibrate --out'): the files are the Huawei 2019 layout or plain drive-test
CSVs with their site parameters (as calibrate reads them); writes one row per input row, in input order: the
input's own columns when all files share one header (else source_file, source_line, cell_id), then
predicted_rsrp_dbm. The RSRP column may be absent.
With --project: the files are drive tests (any layout 'qcplan calibrate --project' reads), matched to the
project's sites; each sample is predicted with the project's model at its grid cell, exactly the value the
coverage map holds there (at the median). Writes file, line, lon, lat, measured, site, sector, how matched and
predicted_rsrp_dbm (empty where unmatched or unpredictable).`;

function parseModelFile(path: string, bytes: Uint8Array): PropagationModel {
  const text = new TextDecoder().decode(bytes);
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch (err) {
    throw new Error(`${basename(path)}: not valid JSON (${(err as Error).message})`);
  }
  try {
    return parsePropagationModel(x);
  } catch (err) {
    throw new Error(`${basename(path)}: ${(err as Error).message}`);
  }
}

/** `qcplan predict`: apply the propagation model to measurement files. */
export const predictCommand: CliCommand = {
  name: 'predict',
  summary: 'predict RSRP with a model file or a project\'s model for every row of measurement files',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals: files } = parseCliArgs({
      args,
      allowPositionals: true,
      options: { model: { type: 'string' }, project: { type: 'string' }, out: { type: 'string' }, sites: { type: 'string' }, 'planar-crs': { type: 'string' } },
    });
    if (!values.model && !values.project) throw new UsageError('--model model.json or --project P.gpkg is required');
    if (values.model && values.project) throw new UsageError('give --model or --project, not both');
    if (!values.out) throw new UsageError('--out predictions.csv is required');
    if (files.length === 0) throw new UsageError('no measurement files given');
    const lines: string[] = [];
    if (values.model) {
      const model = parseModelFile(values.model, await readCliInput(values.model, io.cwd, 'model'));
      const { set, files: read } = await readMeasurementFiles(files, io.cwd, {
        sitesPath: values.sites,
        onFile: (path, rows) => io.stderr(`read ${path}: ${rows} rows\n`),
      });
      const predicted = predictLinks(model, linksFromSquareMaps(set, { clutterRadiusM: model.form.clutterRadiusM }));
      const header = read[0].table.header;
      const sameHeader = read.every((f) => f.table.header.length === header.length && f.table.header.every((h, i) => h === header[i]));
      lines.push([...(sameHeader ? header : ['source_file', 'source_line', 'cell_id']), 'predicted_rsrp_dbm'].map(csvField).join(','));
      let p = 0;
      for (const f of read) {
        for (let r = 0; r < f.table.rows.length; r++, p++) {
          const lead = sameHeader ? f.table.rows[r] : [f.path, String(f.table.lineNumbers[r]), set.cells[set.points[p].cellIndex].cellId];
          lines.push([...lead.map(csvField), Number.isFinite(predicted[p]) ? predicted[p].toFixed(2) : ''].join(','));
        }
      }
    } else {
      const project = await loadProject(values.project!, io.cwd);
      const records: DriveTestRecord[] = [];
      for (const file of files) {
        const read = readDriveTestFile(await readCliInput(file, io.cwd, 'measurements'), basename(file), { planarCrs: values['planar-crs'] });
        if (!read.ok) throw new Error(read.message);
        records.push(...read.value.records);
        io.stderr(`read ${file}: ${read.value.records.length} samples, ${read.value.problems.length} rows skipped\n`);
      }
      const { points, report } = matchDriveTest(records, project.sites, { grid: project.grid, maxRangeM: project.settings.radio.maxRangeM });
      const model = project.propagationModel ?? DEFAULT_PROPAGATION_MODEL;
      const predicted = predictLinks(model, linksFromProject(coverageContextFromProject(project), project.sites, points));
      const byRecord = new Map(points.map((p, i) => [p.record, i]));
      lines.push(['file', 'line', 'lon', 'lat', 'measured_rsrp_dbm', 'site_id', 'sector_id', 'matched_by', 'predicted_rsrp_dbm'].join(','));
      records.forEach((r, k) => {
        const i = byRecord.get(k);
        const p = i === undefined ? undefined : points[i];
        const site = p ? project.sites[p.siteIndex] : undefined;
        lines.push([
          csvField(r.file), String(r.line), r.lonDeg.toFixed(7), r.latDeg.toFixed(7), r.rsrpDbm.toFixed(2), csvField(site?.id ?? ''),
          csvField(site ? site.sectors[p!.sectorIndex].id : ''), p?.how ?? '', i !== undefined && Number.isFinite(predicted[i]) ? predicted[i].toFixed(2) : '',
        ].join(','));
      });
      io.stderr(`matched ${report.matched} of ${report.records} samples; model ${model.name}\n`);
    }
    await writeCliOutput(values.out, io.cwd, new TextEncoder().encode(lines.join('\n') + '\n'), { inputs: [...files, ...(values.model ? [values.model] : []), ...(values.project ? [values.project] : []), ...(values.sites ? [values.sites] : [])] });
    io.stderr(`wrote ${lines.length - 1} rows to ${values.out}\n`);
    return EXIT_OK;
  },
};
