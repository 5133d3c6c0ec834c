import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { LAND_USE } from '../../../core/propagation';
import { readProjectGpkg, writeProjectGpkg } from '../../../geodata/project';
import { makeGeoTiff } from '../../geodata/geoTiffFixture';
import { smallProject } from '../../geodata/project/smallProject';

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd }, out, err };
}

describe('qcplan landuse', () => {
  it('loads a land-cover GeoTIFF under its named scheme, shows it, and clears it back to the population', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qcplan-lu-'));
    const { landUse: _loaded, ...project } = smallProject();
    writeFileSync(join(dir, 'p.gpkg'), await writeProjectGpkg(project));
    // GlobeLand30 around the project's 3 x 2 grid at 106.4 E 27.8 N: artificial surfaces west, forest east
    writeFileSync(join(dir, 'glc.tif'), makeGeoTiff({ width: 2, height: 1, origin: [106.399, 27.801], pixelSize: [0.001, 0.002], epsg: 4326, values: [80, 20] }));

    const shown = capture(dir);
    expect(await main(['landuse', 'p.gpkg'], shown.io)).toBe(0);
    expect(shown.out.join('')).toMatch(/^land use: modelled: derived from the population layer/);

    expect(await main(['landuse', 'p.gpkg', 'glc.tif'], capture(dir).io)).toBe(2); // the scheme must be named
    expect(await main(['landuse', 'p.gpkg', 'glc.tif', '--scheme', 'globeland30'], capture(dir).io)).toBe(0);
    expect(existsSync(join(dir, 'p.gpkg.bak'))).toBe(true);
    const loaded = await readProjectGpkg(new Uint8Array(readFileSync(join(dir, 'p.gpkg'))));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const codes = Array.from(loaded.value.landUse!.values);
    expect(codes).toContain(LAND_USE.forest);
    expect(codes.some((c) => c === LAND_USE.suburban || c === LAND_USE.urban || c === LAND_USE.denseUrban)).toBe(true);
    expect(loaded.value.history!.at(-1)).toMatchObject({ action: 'landUse.load', detail: { file: 'glc.tif', scheme: 'globeland30' } });

    expect(await main(['landuse', 'p.gpkg', '--clear'], capture(dir).io)).toBe(0);
    const cleared = await readProjectGpkg(new Uint8Array(readFileSync(join(dir, 'p.gpkg'))));
    expect(cleared.ok && cleared.value.landUse).toBeUndefined();
  });
});
