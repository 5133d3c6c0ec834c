import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { configureSqlJs } from '../geodata/gpkg/sqlJs';

/**
 * Points sql.js at the wasm Vite bundles for the browser. Each thread loads its own sql.js, so the page and
 * every worker that reads or writes GeoPackages call this once at start-up. A module of its own because the
 * `?url` import breaks under vitest (TOOLCHAIN.md): tests import the worker APIs, never this.
 * @example configureBundledSqlJs(); Comlink.expose(createExportWorkerApi());
 */
export function configureBundledSqlJs(): void {
  configureSqlJs({ locateFile: () => wasmUrl });
}
