import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureSqlJs, readGpkg, writeGpkg } from '../../../geodata/gpkg';

describe('sql.js wasm location', () => {
  it('loads the wasm from an injected locateFile, as the browser build does', async () => {
    const asked: string[] = [];
    const dist = path.resolve('node_modules/sql.js/dist');
    configureSqlJs({ locateFile: (file) => (asked.push(file), path.join(dist, file)) });
    const bytes = await writeGpkg({ layers: [], attributes: [] });
    expect((await readGpkg(bytes)).ok).toBe(true);
    expect(asked).toEqual(['sql-wasm.wasm']);
  });
});
