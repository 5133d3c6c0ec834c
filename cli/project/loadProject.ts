import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Project } from '../../core/model';
import { readProjectGpkg } from '../../geodata/project';

/** Reads a project file (GeoPackage); throws an Error naming the file and the reason when it cannot. */
export async function loadProject(file: string, cwd: string): Promise<Project> {
  const full = path.resolve(cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(full));
  } catch (err) {
    throw new Error(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const result = await readProjectGpkg(bytes);
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.value;
}
