import type { LayerProvenance, Project } from '../model/project';
import { LAND_USE_DENSITY_THRESHOLDS_PER_KM2 } from '../propagation/landUse';

/**
 * Where the coverage's land use (the propagation model's clutter) comes from, for people: a loaded land-use
 * layer, the population layer (derived: landUseFromPopulation, labelled modelled), or nothing (no clutter loss).
 * @example landUseSource(project).source // 'derived from the population layer (...)'
 */
export function landUseSource(project: Pick<Project, 'landUse' | 'population'>): { provenance: LayerProvenance | 'none'; source: string } {
  if (project.landUse) return { provenance: project.landUse.provenance, source: project.landUse.source };
  if (project.population) {
    const t = LAND_USE_DENSITY_THRESHOLDS_PER_KM2;
    return {
      provenance: 'modelled',
      source:
        `derived from the population layer (${project.population.provenance}): dense urban >= ${t.denseUrban}, urban >= ${t.urban}, ` +
        `suburban >= ${t.suburban}, rural >= ${t.rural} persons/km2, open land below; load a land-use raster to replace it`,
    };
  }
  return { provenance: 'none', source: 'no land use and no population layer: no clutter loss' };
}
