import type { Database, SqlValue } from 'sql.js';

/** What a column of an expected table may hold. */
export interface BoundedColumn {
  /** the table may lack it (a column later versions added, or one GDAL may drop when empty) */
  optional?: boolean;
  /** longest value of one cell, bytes (text as UTF-8, blobs as stored); default the table's maxCellBytes */
  maxBytes?: number;
  /** all the column's values together, bytes (geometry blobs: what decoding them may cost) */
  maxTotalBytes?: number;
}

/** The shape and limits of a table a reader expects: its columns, how many rows, how big a cell. */
export interface BoundedTable {
  columns: Record<string, BoundedColumn>;
  maxRows: number;
  maxCellBytes: number;
  /** what the row limit is called, for the message (e.g. 'PROJECT_LIMITS.maxSites') */
  rowLimitName?: string;
}

/**
 * Why a bounded read refused a table: 'not-a-table' (a view, a virtual table, missing), 'bad-shape' (a missing
 * or computed column), 'too-large' (rows, cell or column bytes over the limit), 'too-slow' (past the deadline).
 */
export class BoundedReadError extends Error {
  constructor(readonly code: 'not-a-table' | 'bad-shape' | 'too-large' | 'too-slow', message: string) {
    super(message);
    this.name = 'BoundedReadError';
  }
}

/** A time budget shared by every read of one file. */
export interface ReadDeadline {
  /** ms, on the `now` clock */
  atMs: number;
  now(): number;
  /** what the limit is, for the message ('30 s') */
  label: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} KB`);

/**
 * What sqlite_master says `name` is: 'table' (a real one), 'view', 'virtual' (CREATE VIRTUAL TABLE: its module
 * runs code on read), another type, or undefined when there is no such object. Names compare as SQLite does,
 * ignoring ASCII case.
 * @example schemaObjectType(db, 'sites') // 'table'
 */
export function schemaObjectType(db: Database, name: string): string | undefined {
  const stmt = db.prepare('SELECT type, sql FROM sqlite_master WHERE lower(name) = lower(?) LIMIT 2');
  try {
    stmt.bind([name]);
    const found: { type: string; sql: string }[] = [];
    while (stmt.step()) {
      const [type, sql] = stmt.get();
      found.push({ type: String(type), sql: String(sql ?? '') });
    }
    if (found.length === 0) return undefined;
    const table = found.find((f) => f.type === 'table');
    if (!table) return found[0].type;
    return /^\s*create\s+virtual\s/i.test(table.sql) ? 'virtual' : 'table';
  } finally {
    stmt.free();
  }
}

function scalar(db: Database, sql: string, params: SqlValue[] = []): SqlValue | undefined {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    return stmt.step() ? stmt.get()[0] : undefined;
  } finally {
    stmt.free();
  }
}

/**
 * Reads the rows of an expected table of an open SQLite file without letting the file decide how long that
 * takes or how much memory it needs. Before any value reaches JavaScript it checks, in SQLite and in this order:
 * that `name` is a real table (a view can yield rows without end or multiply them; a virtual table runs its
 * module's code: both refused, 'not-a-table'); that every expected column is there and stored, not computed
 * (a GENERATED column is evaluated on every read: refused, 'bad-shape'); that the table holds at most
 * `maxRows` rows, no cell more than its byte limit and no column more than its total ('too-large', naming the
 * limit). Then it reads only the expected columns, checking `deadline` every 1,000 rows ('too-slow'). Tables
 * are read with plain SELECTs: no trigger fires, and nothing of the file but its data runs.
 * Throws BoundedReadError; the caller turns it into its own failure.
 * @example const rows = readBoundedTable(db, 'qc_meta', { columns: { key: {}, value: {} }, maxRows: 1000, maxCellBytes: 1e6 }, deadline)
 */
export function readBoundedTable(db: Database, name: string, spec: BoundedTable, deadline?: ReadDeadline): Record<string, SqlValue>[] {
  const checkTime = () => {
    if (deadline && deadline.now() > deadline.atMs) throw new BoundedReadError('too-slow', `reading '${name}' took past the limit of ${deadline.label} for the whole file; refused`);
  };
  checkTime();
  const type = schemaObjectType(db, name);
  if (type !== 'table') {
    throw new BoundedReadError('not-a-table', type === undefined
      ? `table '${name}' is missing`
      : `'${name}' is a ${type === 'virtual' ? 'virtual table' : type}, not a table: refused (it could run code or produce rows without end)`);
  }
  const info = new Map<string, number>();
  const stmt = db.prepare(`PRAGMA table_xinfo(${quote(name)})`);
  try {
    while (stmt.step()) {
      const row = stmt.getAsObject();
      info.set(String(row.name).toLowerCase(), Number(row.hidden));
    }
  } finally {
    stmt.free();
  }
  const present: string[] = [];
  for (const [column, c] of Object.entries(spec.columns)) {
    const hidden = info.get(column.toLowerCase());
    if (hidden === undefined) {
      if (c.optional) continue;
      throw new BoundedReadError('bad-shape', `table '${name}' has no column '${column}'`);
    }
    // table_xinfo hidden: 2 = GENERATED VIRTUAL (computed on each read), 3 = GENERATED STORED, 1 = a virtual table's hidden column
    if (hidden !== 0) throw new BoundedReadError('bad-shape', `column '${name}.${column}' is computed (GENERATED), not stored: refused`);
    present.push(column);
  }
  const q = quote(name);
  const rows = Number(scalar(db, `SELECT count(*) FROM (SELECT 1 FROM ${q} LIMIT ?)`, [spec.maxRows + 1]));
  if (rows > spec.maxRows) {
    throw new BoundedReadError('too-large', `table '${name}' holds more than ${spec.maxRows.toLocaleString('en')} rows; at most ${spec.maxRows.toLocaleString('en')} are read${spec.rowLimitName ? ` (${spec.rowLimitName})` : ''}`);
  }
  for (const column of present) {
    const c = spec.columns[column];
    const maxBytes = c.maxBytes ?? spec.maxCellBytes;
    const over = scalar(db, `SELECT octet_length(${quote(column)}) FROM ${q} WHERE octet_length(${quote(column)}) > ? LIMIT 1`, [maxBytes]);
    if (over !== undefined) throw new BoundedReadError('too-large', `a value of '${name}.${column}' is ${mb(Number(over))}; at most ${mb(maxBytes)} are read`);
    if (c.maxTotalBytes !== undefined) {
      const total = Number(scalar(db, `SELECT coalesce(sum(octet_length(${quote(column)})), 0) FROM ${q}`));
      if (total > c.maxTotalBytes) throw new BoundedReadError('too-large', `the values of '${name}.${column}' take ${mb(total)}; at most ${mb(c.maxTotalBytes)} are read`);
    }
  }
  const out: Record<string, SqlValue>[] = [];
  if (present.length === 0) return out;
  const select = db.prepare(`SELECT ${present.map(quote).join(', ')} FROM ${q} LIMIT ?`);
  try {
    select.bind([spec.maxRows]);
    while (select.step()) {
      if (out.length % 1000 === 999) checkTime();
      const values = select.get();
      const row: Record<string, SqlValue> = {};
      present.forEach((column, i) => {
        row[column] = values[i];
      });
      out.push(row);
    }
  } finally {
    select.free();
  }
  return out;
}
