import { main } from '../../cli/main';
import type { Result } from '../../core/result';
import { readDemGeoTiff } from '../../geodata/dem';
import { countyByCode } from '../../geodata/counties';
import { importOlts, importPlaces, importSites, readMbtiles } from '../../geodata/import';
import { readProjectGpkg } from '../../geodata/project';
import type { BadInput } from './corpus';

/** What a reader made of one corpus file. */
export interface BadInputOutcome {
  outcome: 'refused' | 'row-errors' | 'imported';
  /** the failed Result's code, or the number of records imported (cli: the exit code) */
  detail: string;
  /** the failure message, or the first row error (cli: the last line on stderr) */
  message: string;
}

/** Runs a 'cli' case's qcplan command in `dir`: exit 0 is 'imported', anything else 'refused'. */
async function runCli(input: BadInput, dir: string): Promise<BadInputOutcome> {
  if (!input.cli) throw new RangeError(`${input.fileName}: a cli case needs its arguments`);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(input.cli.args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir });
  const lines = err.join('').split('\n').map((l) => l.replace(/^.*\r/, '').trim()).filter(Boolean);
  return { outcome: code === 0 ? 'imported' : 'refused', detail: `exit ${code}`, message: lines.at(-1) ?? out.join('').split('\n')[0] ?? '' };
}

/**
 * Runs one corpus file through its reader and classifies the Result. Anything thrown propagates: a reader
 * must answer malformed input with a Result, so a throw is a finding. 'cli' cases run their command in `dir`,
 * where the corpus wrote the file (and `cli.prepare` made what else it needs).
 * @example const o = await readBadInput(input, bytes, dir); o.outcome // 'refused'
 */
export async function readBadInput(input: BadInput, bytes: Uint8Array, dir?: string): Promise<BadInputOutcome> {
  if (input.reader === 'cli') {
    if (!dir) throw new RangeError(`${input.fileName}: a cli case runs in a folder`);
    return runCli(input, dir);
  }
  const renhuai = countyByCode('520382')!;
  // a planner who chose a status for rows without one, as the import dialog and --default-status ask
  const options = {
    fileName: input.fileName, defaultStatus: 'existing' as const,
    ...(input.inCounty ? { county: { name: renhuai.name, boundary: renhuai.boundary } } : {}),
  };
  let result: Result<unknown>;
  switch (input.reader) {
    case 'sites': result = await importSites(bytes, options); break;
    case 'places': result = await importPlaces(bytes, options); break;
    case 'olts': result = await importOlts(bytes, options); break;
    case 'dem': result = await readDemGeoTiff(bytes, input.fileName); break;
    case 'gpkg': result = await readProjectGpkg(bytes); break;
    case 'mbtiles': result = await readMbtiles(bytes); break;
  }
  if (!result.ok) return { outcome: 'refused', detail: result.code, message: result.message };
  const value = result.value as { records?: unknown[]; problems?: { severity: string; row: number | null; field: string | null; reason: string }[] };
  const rowError = value.problems?.find((p) => p.severity === 'error');
  const detail = `${value.records?.length ?? 1} records`;
  if (rowError) return { outcome: 'row-errors', detail, message: `row ${rowError.row} ${rowError.field ?? ''}: ${rowError.reason}` };
  return { outcome: 'imported', detail, message: '' };
}
