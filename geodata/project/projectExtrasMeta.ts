import { z } from 'zod';
import type { LayerDetails, Project } from '../../core/model';
import { seatOfCounty } from '../counties/seatOfCounty';

/**
 * qc_meta keys this module adds to the project file, beside the keys of writeProjectGpkg. JSON values; a file
 * without them reads as before (no layer details; the seat from the county code), and readers that predate them
 * ignore them, so the file version stays as it is.
 */
export const PROJECT_EXTRAS_META_KEYS = { layerDetails: 'layer_details', seat: 'county_seat' } as const;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const seatSchema = z.object({ lonLat: z.tuple([finite, finite]), nameZh: z.string(), nameEn: z.string() });
// Details are for showing and reporting: the fields the UI words are checked, the rest passes through.
const detailsSchema = z.looseObject({ kind: z.enum(['population', 'terrain']), method: z.string() });
const layerDetailsSchema = z.object({ terrain: detailsSchema.optional(), population: detailsSchema.optional() });

/**
 * The extra qc_meta rows for `project`: its layers' details (what population and terrain rest on: source,
 * resolution, voids filled) and its county seat.
 * @example meta.push(...projectExtrasMetaRows(project));
 */
export function projectExtrasMetaRows(project: Project): [string, string][] {
  const rows: [string, string][] = [];
  const details: { terrain?: LayerDetails; population?: LayerDetails } = {};
  if (project.terrain?.details) details.terrain = project.terrain.details;
  if (project.population?.details) details.population = project.population.details;
  // NaN (e.g. heights of a county the DEM missed) has no JSON form: written as null
  if (details.terrain || details.population) rows.push([PROJECT_EXTRAS_META_KEYS.layerDetails, JSON.stringify(details)]);
  if (project.seat) rows.push([PROJECT_EXTRAS_META_KEYS.seat, JSON.stringify(project.seat)]);
  return rows;
}

/**
 * Puts the extra qc_meta values back on a project read from a file: layer details on its terrain and
 * population (when both are there), and the seat (from the file, else from the county code). Throws an
 * Error naming the key when a value is not what projectExtrasMetaRows writes.
 * @example applyProjectExtrasMeta(meta, project)
 */
export function applyProjectExtrasMeta(meta: ReadonlyMap<string, string>, project: Project): void {
  const rawDetails = meta.get(PROJECT_EXTRAS_META_KEYS.layerDetails);
  if (rawDetails !== undefined) {
    const parsed = layerDetailsSchema.safeParse(JSON.parse(rawDetails));
    if (!parsed.success) throw new Error(`${PROJECT_EXTRAS_META_KEYS.layerDetails}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const { terrain, population } = parsed.data;
    if (terrain && project.terrain) project.terrain.details = terrain as unknown as LayerDetails;
    if (population && project.population) project.population.details = population as unknown as LayerDetails;
  }
  const rawSeat = meta.get(PROJECT_EXTRAS_META_KEYS.seat);
  if (rawSeat !== undefined) {
    const parsed = seatSchema.safeParse(JSON.parse(rawSeat));
    if (!parsed.success) throw new Error(`${PROJECT_EXTRAS_META_KEYS.seat}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    project.seat = parsed.data;
  } else {
    const seat = seatOfCounty(project.countyCode);
    if (seat) project.seat = seat;
  }
}
