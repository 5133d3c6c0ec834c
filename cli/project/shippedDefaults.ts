import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SHIPPED_POPULATION, SHIPPED_TERRAIN, readCountyDefaults, type CountyDefaults } from '../../geodata/defaults';

let cached: Promise<CountyDefaults> | undefined;

/**
 * The shipped GPW population and SRTM30_PLUS rasters (geodata/defaults), read from disk and decoded once per
 * process (each worker thread of qcplan province decodes its own copy, ~0.3 s).
 * @example newCountyProject(county, { defaults: await shippedDefaults() })
 */
export function shippedDefaults(): Promise<CountyDefaults> {
  cached ??= (async () => {
    const file = (name: string) => fileURLToPath(new URL(`../../geodata/defaults/${name}`, import.meta.url));
    const read = await readCountyDefaults({
      population: new Uint8Array(await readFile(file(SHIPPED_POPULATION.fileName))),
      terrain: new Uint8Array(await readFile(file(SHIPPED_TERRAIN.fileName))),
    });
    if (!read.ok) throw new Error(read.message);
    return read.value;
  })();
  return cached;
}
