import { z } from 'zod';
import { BAND_IDS } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import type { RoadmapIndex } from '../../core/roadmap';
import { decodeText } from '../text';

const byKind = { macro: z.number(), micro: z.number(), indoor: z.number() };
const snapshot = z.looseObject({
  kpis: z.array(z.looseObject({ id: z.string(), value: z.number().nullable(), target: z.number().nullable(), status: z.string() })),
  targets: z.array(z.looseObject({ id: z.string(), isMet: z.boolean().nullable() })),
});
const county = z.looseObject({
  code: z.string().regex(/^\d{6}$/),
  name: z.string(),
  prefecture: z.string(),
  isPilot: z.boolean(),
  population: z.looseObject({ total: z.number().nullable(), provenance: z.enum(['file', 'modelled', 'absent']), source: z.string() }),
  network: z.looseObject({
    basis: z.enum(['from-zero', 'operator-file']),
    file: z.string().optional(),
    fileModifiedMs: z.number().optional(),
    existingSites: z.number(),
    plannedSites: z.number(),
  }),
  proposed: z.looseObject({ ...byKind, total: z.number(), costCny: z.number() }),
  proposedPer10k: z.number().nullable(),
  costPerResidentCny: z.number().nullable(),
  sitesPer10kAfter: z.number().nullable(),
  before: snapshot,
  after: snapshot,
  targets: z.array(z.looseObject({ id: z.string(), reason: z.string().optional() })),
  curve: z.object({ costCny: z.array(z.number()), peopleCovered: z.array(z.number()) }),
  // a folder-relative path: no absolute path, no way out of the folder
  files: z.object({
    project: z.string().regex(/^counties\/\d{6}\.gpkg$/),
    detail: z.string().regex(/^counties\/\d{6}\.json$/),
  }),
});
const schema = z.looseObject({
  format: z.literal('qiancheng-roadmap'),
  version: z.literal(1),
  generatedAtMs: z.number(),
  year: z.number().int(),
  cellSizeM: z.number().positive(),
  band: z.enum(BAND_IDS),
  counties: z.array(county),
  failed: z.array(z.object({ code: z.string(), name: z.string(), message: z.string() })),
  province: z.looseObject({ counties: z.number(), sitesAfter: z.number(), planTargetBaseStations: z.number(), fromZeroCounties: z.number() }),
  files: z.object({ workbook: z.string(), report: z.string() }),
});

/**
 * Reads a roadmap folder's roadmap.json (qcplan roadmap) for the app's province view: checks its format and
 * version and the fields the view uses (each county's figures, targets and folder-relative file paths, never
 * absolute or outside the folder). Bad bytes or a bad shape give a 'bad-file' Result naming the field.
 * @example const r = readRoadmapIndex(bytes, 'roadmap.json'); if (r.ok) r.value.counties[0].files.project // 'counties/520526.gpkg'
 */
export function readRoadmapIndex(bytes: Uint8Array, fileName: string): Result<RoadmapIndex> {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes, 'utf-8').text);
  } catch (err) {
    return fail('bad-file', `${fileName}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('bad-file', `${fileName}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'not a roadmap index'}`);
  }
  return ok(parsed.data as unknown as RoadmapIndex);
}
