import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

/**
 * Where sql.js finds its wasm. Node's `initSqlJs()` finds `dist/sql-wasm.wasm` by itself; a browser build
 * passes the bundled URL (`import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url'`). Injectable
 * because that `?url` import breaks under vitest (../shared/TOOLCHAIN.md).
 */
export interface SqlJsOptions {
  locateFile?: (file: string) => string;
}

let configured: SqlJsOptions = {};
let loading: Promise<SqlJsStatic> | undefined;

/**
 * Sets the wasm location for every later GeoPackage/MBTiles read or write; call once at start-up.
 * @example configureSqlJs({ locateFile: () => wasmUrl })
 */
export function configureSqlJs(options: SqlJsOptions): void {
  configured = { ...options };
  loading = undefined;
}

/**
 * The sql.js module, loaded once and shared by the GeoPackage and MBTiles readers and writers.
 * @example const SQL = await loadSqlJs(); const db = new SQL.Database();
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  // A failed load is not cached, so the next call can retry (e.g. after configureSqlJs fixes the path).
  loading ??= initSqlJs(configured.locateFile ? { locateFile: configured.locateFile } : undefined).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
