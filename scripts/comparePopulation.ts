/**
 * Hand-run check of the MODELLED population against the real GPW v4.11 raster (reads the disk; not npm test):
 *   npx tsx scripts/comparePopulation.ts /work/shared/data/population/gpw_v4_11_popdensity_2020_guizhou_1km.tif
 *     [--counties 520382,520111,...] [--cell 1000] [--urban 1500] [--seat-share 0.35] [--seat-scale 1500]
 * For each county with a sourced 2020 census figure (default: all of them), on a grid of --cell metres in the
 * county's local projection: GPW density -> persons per pixel -> mass-preserving resampling -> clipped to the
 * boundary; the model spreads the census total with a seat kernel (defaults of core/population, or
 * --seat-share / --seat-scale m) and a rural floor (no towns: none are sourced). Prints JSON: GPW county total vs census, the share of people in cells denser than --urban
 * persons/km2 (model vs GPW), and the Pearson correlation of persons per cell (plain and log1p).
 * Note: this GPW copy caps density at 4096/km2, so dense urban districts come out low.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { makeLocalProjection } from '../core/geo/localProjection';
import { gridForBoundsM, polygonMask, resampleMassPreserving } from '../core/grid';
import { DEFAULT_POPULATION_SHARES, modelPopulation } from '../core/population';
import { GUIZHOU_COUNTIES, countyByCode, type County } from '../geodata/counties';
import { readPopulationGeoTiff } from '../geodata/population';
import { pearsonCorrelation } from '../core/stats';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) {
  console.error('usage: npx tsx scripts/comparePopulation.ts <gpw_popdensity.tif> [--counties code,code] [--cell 1000] [--urban 1500]');
  process.exit(2);
}
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const cellSizeM = Number(opt('--cell') ?? 1000);
const urbanDensityKm2 = Number(opt('--urban') ?? 1500);
const seatShare = Number(opt('--seat-share') ?? DEFAULT_POPULATION_SHARES.seatShare);
const seatScaleM = Number(opt('--seat-scale') ?? DEFAULT_POPULATION_SHARES.seatScaleM);
const counties: County[] = opt('--counties')
  ? opt('--counties')!.split(',').map((c) => countyByCode(c) ?? (console.error(`unknown county ${c}`), process.exit(2)))
  : GUIZHOU_COUNTIES.filter((c) => c.pop2020 !== undefined);

const read = await readPopulationGeoTiff(new Uint8Array(readFileSync(file)), basename(file), { unit: 'persons-per-km2' });
if (!read.ok) {
  console.error(read.message);
  process.exit(1);
}
const gpw = read.value;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

const rows = counties.map((county) => {
  const proj = makeLocalProjection(county.seatLonLat[0], county.seatLonLat[1]);
  const [w, s, e, n] = county.bbox;
  const xy = [[w, s], [e, n], [w, n], [e, s]].map((p) => proj.forward(p as [number, number]));
  const grid = gridForBoundsM(
    [Math.min(...xy.map((p) => p[0])), Math.min(...xy.map((p) => p[1])), Math.max(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[1]))],
    cellSizeM,
    proj.proj4,
  );
  const mask = polygonMask(grid, county.boundary);
  const real = resampleMassPreserving(gpw, grid);
  const model = modelPopulation(grid, county.boundary, county.pop2020!, { seatLonLat: county.seatLonLat, seatShare, seatScaleM });
  const cellKm2 = (cellSizeM / 1000) ** 2;
  const inside: number[] = [];
  mask.forEach((m, i) => m && inside.push(i));
  const gpwCells = inside.map((i) => real[i]);
  const modelCells = inside.map((i) => model[i]);
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const urbanShare = (v: number[]) => sum(v.filter((p) => p / cellKm2 > urbanDensityKm2)) / sum(v);
  const gpwTotal = sum(gpwCells);
  return {
    code: county.code,
    name: county.name,
    census2020: county.pop2020,
    censusNote: county.pop2020Note,
    gpwTotal: Math.round(gpwTotal),
    gpwOverCensus: r3(gpwTotal / county.pop2020!),
    urbanShareGpw: r3(urbanShare(gpwCells)),
    urbanShareModel: r3(urbanShare(modelCells)),
    gpwCellsAtCap: gpwCells.filter((p) => p / cellKm2 >= 4000).length,
    correlation: r3(pearsonCorrelation(gpwCells, modelCells)),
    correlationLog1p: r3(pearsonCorrelation(gpwCells.map(Math.log1p), modelCells.map(Math.log1p))),
    cells: inside.length,
  };
});
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(
  JSON.stringify(
    {
      file,
      cellSizeM,
      urbanDensityKm2,
      model: `core/population/modelPopulation: seat kernel b = ${seatScaleM} m holding ${seatShare * 100} %, rural floor the rest; no towns`,
      counties: rows,
      summary: {
        counties: rows.length,
        medianAbsGpwCensusError: r3(median(rows.map((r) => Math.abs(r.gpwOverCensus - 1)))),
        medianUrbanShareGpw: r3(median(rows.map((r) => r.urbanShareGpw))),
        medianUrbanShareModel: r3(median(rows.map((r) => r.urbanShareModel))),
        medianCorrelation: r3(median(rows.map((r) => r.correlation))),
        medianCorrelationLog1p: r3(median(rows.map((r) => r.correlationLog1p))),
      },
    },
    null,
    1,
  ),
);
