import type { Project } from '../../core/model';
import { readProjectGpkg } from '../../geodata/project';
import { readCliInput } from '../inputFiles';

/**
 * Reads a project file (GeoPackage, checked by readCliInput first); throws an Error naming the file and the
 * reason when it cannot. What the reader left alone (triggers removed, views ignored) goes to `onNotice`.
 */
export async function loadProject(file: string, cwd: string, onNotice?: (message: string) => void): Promise<Project> {
  const bytes = await readCliInput(file, cwd, 'project');
  const result = await readProjectGpkg(bytes, { onNotice });
  if (!result.ok) throw new Error(`${file}: ${result.message}`);
  return result.value;
}
