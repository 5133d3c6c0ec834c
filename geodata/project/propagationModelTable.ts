import type { Database } from 'sql.js';
import { parsePropagationModel, type PropagationModel } from '../../core/propagation';
import type { GpkgAttributeTable, GpkgValue } from '../gpkg';

/**
 * The project's propagation model in its own attributes table, one row: the full record as JSON (what the
 * reader uses) and its headline figures as columns a GIS user can read (what it was fitted on, held-out RMSE,
 * mean error, sigma, PCRR, when). No row = the default model (files before version 3 open with it).
 */
export const PROPAGATION_MODEL_TABLE = 'qc_propagation_model';

const COLUMNS: GpkgAttributeTable['columns'] = [
  { name: 'name', type: 'TEXT' }, { name: 'kind', type: 'TEXT' }, { name: 'fitted_on', type: 'TEXT' }, { name: 'held_out_rmse_db', type: 'REAL' },
  { name: 'mean_error_db', type: 'REAL' }, { name: 'sigma_db', type: 'REAL' }, { name: 'pcrr', type: 'REAL' }, { name: 'points', type: 'INTEGER' },
  { name: 'fitted_at', type: 'TEXT' }, { name: 'model_json', type: 'TEXT' },
];

/**
 * The attributes table of `model` for writeGpkg (no row when the project has none).
 * @example attributes.push(propagationModelTable(project.propagationModel))
 */
export function propagationModelTable(model: PropagationModel | undefined): GpkgAttributeTable {
  const rows: Record<string, GpkgValue>[] = model
    ? [{
        name: model.name, kind: model.kind, fitted_on: model.fit?.fittedOn ?? null, held_out_rmse_db: model.fit?.heldOut.rmseDb ?? null,
        mean_error_db: model.fit?.heldOut.meanErrorDb ?? null, sigma_db: model.sigmaDb, pcrr: model.fit?.heldOut.pcrr ?? null,
        points: model.fit?.points ?? null, fitted_at: model.fit?.atIso ?? null, model_json: JSON.stringify(model),
      }]
    : [];
  return { name: PROPAGATION_MODEL_TABLE, description: 'propagation model of the coverage (K-factors, fit figures)', columns: COLUMNS, rows };
}

/**
 * The model stored in the rows of the table (read with its PROJECT_TABLES bounds); undefined when it has none.
 * Throws Error naming the bad field of a damaged record.
 * @example project.propagationModel = readPropagationModelTable(rows)
 */
export function readPropagationModelTable(rows: readonly Record<string, GpkgValue>[]): PropagationModel | undefined {
  const row = rows[0];
  if (!row) return undefined;
  if (rows.length > 1) throw new Error(`${PROPAGATION_MODEL_TABLE} has ${rows.length} rows, expected one`);
  try {
    return parsePropagationModel(JSON.parse(String(row.model_json)));
  } catch (err) {
    throw new Error(`${PROPAGATION_MODEL_TABLE}: ${(err as Error).message}`);
  }
}

/**
 * Migration 2 -> 3: adds the empty model table (an old file keeps the default model) and registers it; a file
 * that already has them (a newer file whose version was lowered) keeps its own.
 * @example addPropagationModelTable(db)
 */
export function addPropagationModelTable(db: Database): void {
  db.run(`CREATE TABLE IF NOT EXISTS ${PROPAGATION_MODEL_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ${COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')})`);
  db.run("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, 'propagation model of the coverage (K-factors, fit figures)')", [
    PROPAGATION_MODEL_TABLE,
    PROPAGATION_MODEL_TABLE,
  ]);
}
