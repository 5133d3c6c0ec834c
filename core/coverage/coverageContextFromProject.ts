import type { Project } from '../model/project';
import { makeCoverageContext, type CoverageContext } from './coverageContext';

/**
 * The CoverageContext of a project: its grid and radio settings, its terrain layer (flat ground when
 * absent) and dense-urban cells from its population layer (DENSE_URBAN_PERSONS_PER_KM2 [EST]).
 * Throws RangeError as makeCoverageContext (e.g. an empty DEM).
 * @example const engine = new CoverageEngine(coverageContextFromProject(project)); engine.setSites(project.sites)
 */
export function coverageContextFromProject(project: Pick<Project, 'grid' | 'settings' | 'terrain' | 'population'>): CoverageContext {
  return makeCoverageContext(project.grid, project.settings.radio, {
    terrainM: project.terrain?.values,
    populationPerCell: project.population?.values,
  });
}
