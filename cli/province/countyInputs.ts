import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readCliInput } from '../inputFiles';
import type { GeoRaster } from '../../core/grid/geoRaster';
import type { Result } from '../../core/result';
import { countyByCode, GUIZHOU_COUNTIES, type County } from '../../geodata/counties';
import { IMPORT_FORMATS } from '../../geodata/import';
import { UsageError } from '../command';
import type { CountyJobOutcome } from './countyPool';
import type { CountyInputKind, CountyInputReport, NamedRaster } from './types';

/**
 * The counties of a --counties argument: 'all', 'pilot' (the 智慧黔城 pilots) or GB/T 2260 codes separated by
 * commas. Throws UsageError naming unknown codes.
 * @example selectCounties('520526,520382').map((c) => c.name) // ['威宁彝族回族苗族自治县', '仁怀市']
 */
export function selectCounties(arg: string): County[] {
  if (arg === 'all') return [...GUIZHOU_COUNTIES];
  if (arg === 'pilot') return GUIZHOU_COUNTIES.filter((c) => c.isPilot);
  const codes = [...new Set(arg.split(',').map((s) => s.trim()).filter(Boolean))];
  if (codes.length === 0) throw new UsageError('--counties needs all, pilot or county codes');
  const unknown = codes.filter((c) => !countyByCode(c));
  if (unknown.length) throw new UsageError(`--counties: not a Guizhou county code: ${unknown.join(', ')}`);
  return codes.map((c) => countyByCode(c)!);
}

/** Input files in `dir` by county code and kind: <code>.<kind>.<ext> with an import format's extension. */
export async function findInputs(dir: string): Promise<Map<string, Partial<Record<CountyInputKind, string>>>> {
  const found = new Map<string, Partial<Record<CountyInputKind, string>>>();
  for (const name of await readdir(dir)) {
    const m = /^(\d{6})\.(sites|places|olts)\.([a-z]+)$/i.exec(name);
    if (!m || !(IMPORT_FORMATS as readonly string[]).includes(m[3].toLowerCase())) continue;
    const entry = found.get(m[1]) ?? {};
    entry[m[2].toLowerCase() as CountyInputKind] = path.join(dir, name);
    found.set(m[1], entry);
  }
  return found;
}

/** A GeoTIFF read once for every county with `read` (a DEM or population reader); throws naming the file. */
export async function readNamedRaster(
  file: string,
  cwd: string,
  read: (bytes: Uint8Array, name: string) => Promise<Result<GeoRaster>> | Result<GeoRaster>,
): Promise<NamedRaster> {
  const name = path.basename(file);
  const result = await read(await readCliInput(file, cwd, 'raster'), name);
  if (!result.ok) throw new Error(result.message);
  return { raster: result.value, fileName: name };
}

/**
 * Writes every failed county and every input problem (file:row: severity [field]: reason) of a batch to
 * `stderr`, and whether anything failed: a county, or an input file left out (not imported).
 * @example const failed = reportCountyProblems(outcomes, (r) => r.inputs, io.stderr)
 */
export function reportCountyProblems<T>(
  outcomes: readonly CountyJobOutcome<T>[],
  inputsOf: (value: T) => readonly CountyInputReport[],
  stderr: (text: string) => void,
): boolean {
  let failed = false;
  for (const o of outcomes) {
    if (!o.ok) {
      failed = true;
      stderr(`${o.code}: failed: ${o.message}\n`);
      continue;
    }
    for (const input of inputsOf(o.value)) {
      for (const p of input.problems) stderr(`${o.code} ${p.file}${p.row === null ? '' : `:${p.row}`}: ${p.severity}${p.field ? ` [${p.field}]` : ''}: ${p.reason}\n`);
      if (!input.isImported) {
        failed = true;
        stderr(`${o.code} ${input.file}: not imported${input.rowsRead ? ' (rows with errors; --accept-good imports the good rows)' : ''}\n`);
      }
    }
  }
  return failed;
}
