import { calibrateModel } from '../../core/calibration';
import { EXIT_OK, UsageError, type CliCommand } from '../command';
import { writeCliOutput } from '../inputFiles';
import { readMeasurementFiles } from '../readMeasurementFiles';

const USAGE = `Usage: qcplan calibrate <measurement files...> --out model.json [options]

Fits the calibrated RSRP model (core/calibration: path-geometry features, ridge least squares) to measured
SS-RSRP / RS-RSRP and writes it as JSON. Inputs: CSVs in the Huawei 2019 calibration layout (engineering
parameters on every row, planar metres) or plain drive-test CSVs (lon, lat, rsrp, site_id; site parameters
from --sites or on each row as site_lon, site_lat, height_m, azimuth_deg, ...).

Options:
  --out FILE            model file to write (required)
  --sites FILE          sites CSV for drive-test files (site_id, lon, lat, height_m, azimuth_deg,
                        electrical_tilt_deg, mechanical_tilt_deg, freq_mhz, rs_power_dbm)
  --emphasis MODE       'weak' (default: spread chosen by inner CV to recognise RSRP < -103 dBm),
                        'mean' (plain least squares) or a spread factor >= 1
  --lambda X            ridge penalty (default 0.001)

Prints the training fit (RMSE, mean error, PCRR) as JSON on stdout. Held-out scores:
npx tsx scripts/validateCalibration.ts <dir>.`;

function parseArgs(args: string[]) {
  const files: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${a} needs a value`);
      flags[a.slice(2)] = value;
      i++;
    } else files.push(a);
  }
  return { files, flags };
}

/** `qcplan calibrate`: fit the RSRP model to measurement files. */
export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'fit the RSRP propagation model to measured RSRP (Huawei layout or drive-test CSV)',
  usage: USAGE,
  async run(args, io) {
    const { files, flags } = parseArgs(args);
    for (const key of Object.keys(flags)) if (!['out', 'sites', 'emphasis', 'lambda'].includes(key)) throw new UsageError(`unknown option --${key}`);
    if (files.length === 0) throw new UsageError('no measurement files given');
    if (!flags.out) throw new UsageError('--out model.json is required');
    const emphasisArg = flags.emphasis ?? 'weak';
    const emphasis = emphasisArg === 'weak' || emphasisArg === 'mean' ? emphasisArg : Number(emphasisArg);
    if (typeof emphasis === 'number' && !(emphasis >= 1)) throw new UsageError(`--emphasis must be weak, mean or a number >= 1, got ${emphasisArg}`);
    const lambda = flags.lambda === undefined ? undefined : Number(flags.lambda);
    if (lambda !== undefined && !(lambda >= 0)) throw new UsageError(`--lambda must be a number >= 0, got ${flags.lambda}`);
    const { set } = await readMeasurementFiles(files, io.cwd, {
      sitesPath: flags.sites,
      onFile: (path, rows) => io.stderr(`read ${path}: ${rows} rows\n`),
    });
    let lastTenth = 0;
    const model = calibrateModel(set, {
      emphasis,
      lambda,
      onProgress: (f) => {
        if (f >= lastTenth + 0.1 || f === 1) {
          lastTenth = f;
          io.stderr(`path geometry ${(f * 100).toFixed(0)} %\n`);
        }
      },
    });
    await writeCliOutput(flags.out, io.cwd, new TextEncoder().encode(JSON.stringify(model, null, 2) + '\n'), { inputs: [...files, ...(flags.sites ? [flags.sites] : [])] });
    const s = model.training.scores;
    io.stdout(
      JSON.stringify(
        {
          out: flags.out,
          cells: model.training.cells.length,
          rows: model.training.rows,
          spread: model.spread,
          training: { rmseDb: +s.rmseDb.toFixed(3), meanErrorDb: +s.meanErrorDb.toFixed(3), pcrr: +s.pcrr.toFixed(3) },
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  },
};
