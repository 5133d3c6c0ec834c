/**
 * Writes the sample project samples/renhuai.gpkg (`npm run build:sample`): buildRenhuaiSample() saved with
 * the project-file writer, atomically. Deterministic: the same bytes' content on every run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeProjectGpkg } from '../geodata/project';
import { atomicWriteFile } from '../disk';
import { buildRenhuaiSample } from './sample/renhuai';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'samples', 'renhuai.gpkg');
const project = buildRenhuaiSample();
const bytes = await writeProjectGpkg(project);
await atomicWriteFile(out, bytes, { keepBackup: false });
console.log(`${path.relative(root, out)}: ${(bytes.length / 2 ** 20).toFixed(2)} MiB, grid ${project.grid.cols} x ${project.grid.rows} at ${project.grid.cellSizeM} m, ${project.sites.length} sites, ${project.places.length} places, ${project.candidates.length} candidates, ${project.olts.length} OLTs`);
