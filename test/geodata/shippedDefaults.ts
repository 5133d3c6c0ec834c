import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCountyDefaults, type CountyDefaults } from '../../geodata/defaults';

let cached: Promise<CountyDefaults> | undefined;

/** The rasters shipped in geodata/defaults, decoded once per test file (they are part of the product, not ../shared/data). */
export function shippedDefaults(): Promise<CountyDefaults> {
  cached ??= (async () => {
    const dir = path.resolve('geodata', 'defaults');
    const read = await readCountyDefaults({
      population: new Uint8Array(readFileSync(path.join(dir, 'gpw_v4_11_popdensity_2020_guizhou_1km.tif'))),
      terrain: new Uint8Array(readFileSync(path.join(dir, 'guizhou_srtm30plus_2km.tif'))),
    });
    if (!read.ok) throw new Error(read.message);
    return read.value;
  })();
  return cached;
}
