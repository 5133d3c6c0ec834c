import type { Project } from '../../core/model';
import { readProjectGpkg } from '../../geodata/project';
import { readCliInput } from '../inputFiles';

/** Reads a project file (GeoPackage, checked by readCliInput first); throws an Error naming the file and the reason when it cannot. */
export async function loadProject(file: string, cwd: string): Promise<Project> {
  const bytes = await readCliInput(file, cwd, 'project');
  const result = await readProjectGpkg(bytes);
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.value;
}
