import { parseCalibratedModel, predictWithModel } from '../../core/calibration';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { csvField } from '../../geodata/export';
import { readCliInput, writeCliOutput } from '../inputFiles';
import { readMeasurementFiles } from '../readMeasurementFiles';

const USAGE = `Usage: qcplan predict --model model.json <measurement files...> --out predictions.csv [--sites FILE]

Predicts RSRP with a model from 'qcplan calibrate' for every row of the input files (same layouts as
calibrate; the RSRP column may be absent). Writes a CSV with one row per input row, in input order: the
input's own columns when all files share one header (else source_file, source_line, cell_id), then
predicted_rsrp_dbm as the last column.`;

/** `qcplan predict`: apply a calibrated model to measurement files. */
export const predictCommand: CliCommand = {
  name: 'predict',
  summary: 'predict RSRP with a calibrated model for every row of measurement files',
  usage: USAGE,
  async run(args, io) {
    const files: string[] = [];
    const flags: Record<string, string> = {};
    for (let i = 0; i < args.length; i++) {
      if (args[i].startsWith('--')) {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`${args[i]} needs a value`);
        flags[args[i].slice(2)] = value;
        i++;
      } else files.push(args[i]);
    }
    for (const key of Object.keys(flags)) if (!['out', 'model', 'sites'].includes(key)) throw new UsageError(`unknown option --${key}`);
    if (!flags.model) throw new UsageError('--model model.json is required');
    if (!flags.out) throw new UsageError('--out predictions.csv is required');
    if (files.length === 0) throw new UsageError('no measurement files given');
    const model = parseCalibratedModel(new TextDecoder().decode(await readCliInput(flags.model, io.cwd, 'model')));
    const { set, files: read } = await readMeasurementFiles(files, io.cwd, {
      sitesPath: flags.sites,
      onFile: (path, rows) => io.stderr(`read ${path}: ${rows} rows\n`),
    });
    const predicted = predictWithModel(model, set);
    const header = read[0].table.header;
    const sameHeader = read.every((f) => f.table.header.length === header.length && f.table.header.every((h, i) => h === header[i]));
    const lines = [[...(sameHeader ? header : ['source_file', 'source_line', 'cell_id']), 'predicted_rsrp_dbm'].map(csvField).join(',')];
    let p = 0;
    for (const f of read) {
      for (let r = 0; r < f.table.rows.length; r++, p++) {
        const lead = sameHeader ? f.table.rows[r] : [f.path, String(f.table.lineNumbers[r]), set.cells[set.points[p].cellIndex].cellId];
        lines.push([...lead.map(csvField), Number.isFinite(predicted[p]) ? predicted[p].toFixed(2) : ''].join(','));
      }
    }
    await writeCliOutput(flags.out, io.cwd, new TextEncoder().encode(lines.join('\n') + '\n'), { inputs: [...files, flags.model, ...(flags.sites ? [flags.sites] : [])] });
    io.stderr(`wrote ${p} predictions to ${flags.out}\n`);
    return EXIT_OK;
  },
};
