import type { Project } from '../model/project';
import { makeCoverageContext, type CoverageContext } from './coverageContext';

/**
 * The CoverageContext of a project: its grid and radio settings, its terrain layer (flat ground when absent),
 * its land-use layer or, without one, land use derived from its population layer (landUseFromPopulation), and
 * its propagation model (DEFAULT_PROPAGATION_MODEL when it has none).
 * Throws RangeError as makeCoverageContext (e.g. an empty DEM).
 * @example const engine = new CoverageEngine(coverageContextFromProject(project)); engine.setSites(project.sites)
 */
export function coverageContextFromProject(
  project: Pick<Project, 'grid' | 'settings' | 'terrain' | 'population' | 'landUse' | 'propagationModel'>,
): CoverageContext {
  return makeCoverageContext(project.grid, project.settings.radio, {
    terrainM: project.terrain?.values,
    populationPerCell: project.population?.values,
    landUse: project.landUse?.values,
    model: project.propagationModel,
  });
}
