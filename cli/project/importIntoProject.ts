import type { Olt, Place, Project, Site, SiteStatus } from '../../core/model';
import { fail, ok, type Result } from '../../core/result';
import { countyByCode } from '../../geodata/counties';
import { importOfKind, type ImportCrs, type ImportProblem } from '../../geodata/import';
import { mergeById } from './mergeById';

/** What qcplan imports into a project. */
export const IMPORT_KINDS = ['sites', 'places', 'olts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What became of one import file. */
export interface ImportOutcome {
  rowsRead: number;
  /** good records read */
  records: number;
  problems: ImportProblem[];
  /** rows with at least one error */
  errorRows: number;
  /** rows without a status that took `defaultStatus` */
  defaultStatusRows: number;
  /** sites outside the county kept flagged (outsideCounty 'keep-flagged'), left out of the coverage */
  keptOutside: Site[];
  /** false when rows had errors and `acceptGood` was not given: the project is unchanged */
  isImported: boolean;
  added: number;
  replaced: number;
}

export interface ImportIntoProjectOptions {
  fileName: string;
  crs?: ImportCrs;
  acceptGood?: boolean;
  /** sites and OLTs: what rows without a status are; without it those rows are errors */
  defaultStatus?: SiteStatus;
  /** sites outside the county: errors (default) or kept flagged */
  outsideCounty?: 'error' | 'keep-flagged';
}

/**
 * Imports a file of sites, places or OLTs into `project` the way qcplan import does (importOfKind with the
 * project's county, so rows outside it are errors or flagged sites; then mergeById: an id already in the project
 * is replaced in place): all or nothing when a row has an error unless `acceptGood`, and an edit-log entry when
 * something was imported. A file the importer refuses as a whole is a failed Result naming it. Mutates `project`
 * only when it imports.
 * @example const r = await importIntoProject(project, 'sites', bytes, { fileName: '工参.xlsx', defaultStatus: 'existing' });
 */
export async function importIntoProject(project: Project, kind: ImportKind, bytes: Uint8Array, options: ImportIntoProjectOptions): Promise<Result<ImportOutcome>> {
  const crs = options.crs ?? 'wgs84';
  const countyName = countyByCode(project.countyCode)?.name ?? project.name;
  const result = await importOfKind({
    kind, bytes, fileName: options.fileName, crs, county: { name: countyName, boundary: project.boundary },
    ...(options.defaultStatus && { defaultStatus: options.defaultStatus }), ...(options.outsideCounty && { outsideCounty: options.outsideCounty }),
  });
  if (!result.ok) return fail(result.code, result.message);
  const r = result.value;
  const errorRows = new Set(r.problems.filter((p) => p.severity === 'error').map((p) => p.row)).size;
  const defaultStatusRows = r.defaultStatusRows ?? 0;
  const keptOutside = kind === 'sites' ? (r.records as Site[]).filter((s) => s.outsideCounty) : [];
  const outcome: ImportOutcome = {
    rowsRead: r.rowsRead, records: r.records.length, problems: r.problems, errorRows, defaultStatusRows, keptOutside, isImported: false, added: 0, replaced: 0,
  };
  if (errorRows > 0 && !options.acceptGood) return ok(outcome);
  let counts: { added: number; replaced: number };
  if (kind === 'sites') {
    const m = mergeById(project.sites, r.records as Site[]);
    project.sites = m.merged;
    counts = m;
  } else if (kind === 'places') {
    const m = mergeById(project.places, r.records as Place[]);
    project.places = m.merged;
    counts = m;
  } else {
    const m = mergeById(project.olts, r.records as Olt[]);
    project.olts = m.merged;
    counts = m;
  }
  project.history = [...(project.history ?? []), {
    atIso: new Date().toISOString(), action: `import.${kind}`,
    detail: {
      file: options.fileName, crs, added: counts.added, replaced: counts.replaced, skippedRows: errorRows,
      ...(defaultStatusRows ? { defaultStatus: options.defaultStatus, defaultStatusRows } : {}), ...(keptOutside.length ? { keptOutsideCounty: keptOutside.length } : {}),
    },
  }];
  return ok({ ...outcome, isImported: true, added: counts.added, replaced: counts.replaced });
}
