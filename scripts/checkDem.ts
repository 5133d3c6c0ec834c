/**
 * Hand-run check of the DEM readers on a real file (reads the disk; not part of npm test):
 *   npx tsx scripts/checkDem.ts /work/shared/data/dem/guizhou_srtm30plus_2km.tif [--at lon,lat[,label] ...]
 * Reads a GeoTIFF or SRTM .hgt with geodata/dem, then prints JSON: size, pixel size, CRS, height range,
 * and the bilinear height (core/grid/resampleBilinear on a 1-cell grid) at the seats of 贵阳 (云岩区),
 * 威宁 and 铜仁 (碧江区) from geodata/counties, plus any --at points.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { makeLocalProjection } from '../core/geo/localProjection';
import { resampleBilinear } from '../core/grid';
import { countyByCode } from '../geodata/counties';
import { readDemGeoTiff, readHgt } from '../geodata/dem';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--at');
if (!file) {
  console.error('usage: npx tsx scripts/checkDem.ts <dem.tif|N27E106.hgt> [--at lon,lat[,label] ...]');
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const name = basename(file);
const read = /\.hgt$/i.test(name) ? readHgt(bytes, name) : await readDemGeoTiff(bytes, name);
if (!read.ok) {
  console.error(JSON.stringify({ file, error: read.code, message: read.message }));
  process.exit(1);
}
const dem = read.value;
const points: { label: string; lonLat: [number, number]; source: string }[] = [
  ['520103', '贵阳 (云岩区 seat)'], ['520526', '威宁 (seat)'], ['520602', '铜仁 (碧江区 seat)'],
].map(([code, label]) => ({ label, lonLat: countyByCode(code)!.seatLonLat, source: 'geodata/counties seat' }));
args.forEach((a, i) => {
  if (args[i - 1] !== '--at') return;
  const [lon, lat, label] = a.split(',');
  points.push({ label: label ?? a, lonLat: [Number(lon), Number(lat)], source: '--at' });
});
let minM = Infinity;
let maxM = -Infinity;
let voids = 0;
for (const v of dem.values) {
  if (Number.isNaN(v)) voids++;
  else {
    minM = Math.min(minM, v);
    maxM = Math.max(maxM, v);
  }
}
const heightAt = ([lon, lat]: [number, number]) => {
  const grid = { cols: 1, rows: 1, originXM: -0.5, originYM: 0.5, cellSizeM: 1, crs: makeLocalProjection(lon, lat).proj4 };
  return Math.round(resampleBilinear(dem, grid)[0] * 10) / 10;
};
console.log(
  JSON.stringify(
    {
      file,
      width: dem.width,
      height: dem.height,
      pixelSize: [dem.pixelSizeX, dem.pixelSizeY],
      origin: [dem.originX, dem.originY],
      crs: dem.crs,
      heightRangeM: [minM, maxM],
      voidShare: Math.round((voids / dem.values.length) * 1e4) / 1e4,
      spotHeightsM: points.map((p) => ({ ...p, heightM: heightAt(p.lonLat) })),
    },
    null,
    1,
  ),
);
