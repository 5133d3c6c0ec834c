import path from 'node:path';
import { atomicWriteFile, checkOutputPath, readInputFile, type AtomicWriteOptions } from '../disk';
import { MAX_GPKG_BYTES } from '../geodata/gpkg';
import { IMPORT_LIMITS } from '../geodata/import';

/**
 * The most bytes qcplan reads of each kind of input file, checked by size before a byte is read
 * (disk/readInputFile): projects as the GeoPackage reader takes them (1 GB), import tables and measurement CSVs
 * as the largest import format (200 MB), rasters 1 GB (GeoTIFFs are read whole; a county's 30 m DEM is
 * tens of MB), a calibrated model JSON 10 MB (a real one is under 10 KB).
 */
export const CLI_INPUT_BYTES = {
  project: MAX_GPKG_BYTES,
  table: Math.max(...Object.values(IMPORT_LIMITS.maxBytes)),
  measurements: IMPORT_LIMITS.maxBytes.csv,
  raster: 1e9,
  model: 10e6,
} as const;

/**
 * Reads an input file a command was given (relative to `cwd`), refusing pipes, devices, folders and files
 * over CLI_INPUT_BYTES[kind] before reading (readInputFile). Throws Error naming the file.
 * @example const bytes = await readCliInput('sites.csv', io.cwd, 'table');
 */
export async function readCliInput(file: string, cwd: string, kind: keyof typeof CLI_INPUT_BYTES): Promise<Uint8Array> {
  return readInputFile(path.resolve(cwd, file), { maxBytes: CLI_INPUT_BYTES[kind], name: file });
}

/**
 * Writes a command's output atomically after checkOutputPath: never over one of `inputs` (through links too),
 * never over a project unless `mayReplaceProject`. Throws Error naming the path, before anything is written.
 * @example await writeCliOutput('list.csv', io.cwd, bytes, { inputs: [projectFile] });
 */
export async function writeCliOutput(
  file: string,
  cwd: string,
  bytes: Uint8Array,
  options: { inputs: readonly string[]; mayReplaceProject?: boolean } & AtomicWriteOptions,
): Promise<void> {
  const out = path.resolve(cwd, file);
  await checkOutputPath(out, { inputs: options.inputs.map((i) => path.resolve(cwd, i)), mayReplaceProject: options.mayReplaceProject });
  await atomicWriteFile(out, bytes, { keepBackup: options.keepBackup ?? false });
}
