/**
 * Drive-test records as read from a file (geodata/measurements/readDriveTestFile.ts), before they are matched to
 * a project's sites (matchDriveTest.ts). WGS-84 degrees.
 */

/** One measured sample: where, what serving RSRP, and how the file names its serving cell. */
export interface DriveTestRecord {
  /** file name and 1-based line, for people */
  file: string;
  line: number;
  lonDeg: number;
  latDeg: number;
  /** serving-cell RSRP (SS-RSRP for NR, RSRP for LTE), dBm */
  rsrpDbm: number;
  /** the serving cell's name or id as the file gives it (site id, site/sector, cell id, cell name) */
  cellRef?: string;
  /** the serving cell's physical cell id */
  pci?: number;
}

/** A problem with one row or column of a drive-test file (the row is skipped, the rest read). */
export interface DriveTestProblem {
  file: string;
  /** 1-based line, null for the whole file */
  line: number | null;
  /** column header, null when not about one column */
  field: string | null;
  /** in English; `code` and `params` word it in the user's language (core/text problemReason) */
  reason: string;
  code?: string;
  params?: Record<string, string | number>;
}

/** What reading one file gave. */
export interface DriveTestFile {
  file: string;
  layout: 'contest-2019' | 'drive-test';
  /** the header each field was read from */
  columns: Record<string, string>;
  records: DriveTestRecord[];
  problems: DriveTestProblem[];
  rowsRead: number;
}
