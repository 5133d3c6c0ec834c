/**
 * The propagation model's terrain physics against Longley-Rice ITM (SPLAT!, Debian package `splat`), on a
 * generated mountain tile with open land use (no clutter). Hand-run, not part of npm test:
 *   apt-get install -y splat
 *   npx tsx scripts/compareItm.ts [--tile karst|ridge] [--freq-mhz 2600] [--tx-height-m 30] [--radius-km 8] [--keep DIR]
 * Steps: writes a synthetic SRTM-3 tile N26E106.hgt (karst cones, a ridge and a valley around 1,100 m; seeded),
 * converts it with SPLAT's srtm2sdf, runs `splat -L 1.5 -olditm -ano` (ITM path loss for a receiver 1.5 m above
 * ground within the radius of a transmitter in the tile's middle), reads the same tile with geodata/dem/readHgt,
 * resamples it to a 30 m grid and evaluates the default model (land use open everywhere) and its reference form at
 * every ITM point (the grid cell it falls in), and the default with the terrain diffraction weight 2. Prints JSON: for the cells both call clear of terrain and both call
 * obstructed (ours: the sweep's horizon; ITM: SPLAT's '*' mark), the median and 90th percentile of
 * |terrain excess loss difference|, excess loss = path loss − free-space loss at the same 3-D distance, and the
 * signed median (positive = ours lossier).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCoverageContext, prepareSiteLinks, sectorLinkAtCell } from '../core/coverage';
import { makeLocalProjection } from '../core/geo/localProjection';
import { gridForBoundsM, resampleBilinear } from '../core/grid';
import { DEFAULT_RADIO_SETTINGS } from '../core/model/project';
import { makeSite } from '../core/model/siteDefaults';
import { DEFAULT_PROPAGATION_MODEL, LAND_USE, LAND_USE_CLASS_COUNT, linkLossDb, referencePropagationModel, type LinkGeometry, type PropagationModel } from '../core/propagation';
import { mulberry32 } from '../core/random';
import { readHgt } from '../geodata/dem';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const freqMhz = opt('--freq-mhz', 2600);
const txHeightM = opt('--tx-height-m', 30);
const radiusKm = opt('--radius-km', 8);
const tileAt = args.indexOf('--tile');
const tile = tileAt >= 0 ? args[tileAt + 1] : 'karst';
if (tile !== 'karst' && tile !== 'ridge') throw new Error('--tile must be karst or ridge');
const keepAt = args.indexOf('--keep');
const dir = keepAt >= 0 ? args[keepAt + 1] : mkdtempSync(join(tmpdir(), 'itm-'));
mkdirSync(dir, { recursive: true });
const TX = { lonDeg: 106.5, latDeg: 26.5 };

// 1. the synthetic tile: 1201 x 1201 posts, 3 arc-seconds, big-endian Int16 (SRTM-3 .hgt), row 0 = north
const N = 1201;
const random = mulberry32(7);
const cones = Array.from({ length: 90 }, () => ({ lon: 106.42 + random() * 0.16, lat: 26.42 + random() * 0.16, h: 60 + random() * 220, r: 0.004 + random() * 0.008 }));
const heightAt = (lon: number, lat: number) => {
  // one 250 m ridge across the tile, 3 km east of the transmitter, nothing else
  if (tile === 'ridge') return Math.round(1100 + 250 * Math.exp(-(((lon - 106.53) / 0.006) ** 2)));
  let h = 1100 + 250 * Math.exp(-((((lon - 106.55) * Math.cos(0.6) + (lat - 26.47) * Math.sin(0.6)) / 0.01) ** 2)) - 120 * Math.exp(-(((lat - 26.53) / 0.012) ** 2));
  for (const c of cones) h += c.h * Math.exp(-((lon - c.lon) ** 2 + (lat - c.lat) ** 2) / c.r ** 2);
  return Math.round(h);
};
const hgt = Buffer.alloc(2 * N * N);
for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) hgt.writeInt16BE(heightAt(106 + c / (N - 1), 27 - r / (N - 1)), 2 * (r * N + c));
writeFileSync(join(dir, 'N26E106.hgt'), hgt);

// 2. SPLAT!: srtm2sdf, then the ITM path-loss map around the transmitter
execFileSync('srtm2sdf', ['N26E106.hgt'], { cwd: dir, stdio: 'ignore' });
writeFileSync(join(dir, 'tx.qth'), `tx\n${TX.latDeg}\n${360 - TX.lonDeg}\n${txHeightM} meters\n`);
// ground 15 / 0.005 (average ground), N0 301, continental temperate, vertical polarisation, 50 % locations and time
writeFileSync(join(dir, 'tx.lrp'), `15.000\n0.005\n301.000\n${freqMhz.toFixed(3)}\n5\n1\n0.50\n0.50\n`);
const started = Date.now();
execFileSync('splat', ['-t', 'tx.qth', '-L', '1.5', '-metric', '-R', String(radiusKm), '-olditm', '-N', '-ano', 'itm.dat', '-d', dir, '-o', 'itm'], { cwd: dir, stdio: 'ignore' });
const splatS = (Date.now() - started) / 1000;
const points = readFileSync(join(dir, 'itm.dat'), 'utf8')
  .split('\n')
  .filter((l) => /^\s*-?\d/.test(l) && l.split(',').length >= 5)
  .map((l) => {
    const f = l.split(',');
    return { latDeg: Number(f[0]), lonDeg: 360 - Number(f[1]), lossDb: Number(f[4].replace('*', '')), isObstructed: f[4].includes('*') };
  })
  .filter((p) => Number.isFinite(p.lossDb));

// 3. ours on the same tile: 30 m grid, open land use, the default model and its reference form
const proj = makeLocalProjection(TX.lonDeg, TX.latDeg);
const halfM = radiusKm * 1000 + 200;
const grid = gridForBoundsM([-halfM, -halfM, halfM, halfM], 30, proj.proj4);
const dem = readHgt(new Uint8Array(hgt), 'N26E106.hgt');
if (!dem.ok) throw new Error(dem.message);
const terrainM = resampleBilinear(dem.value, grid);
const landUse = new Uint8Array(grid.cols * grid.rows).fill(LAND_USE.open);
const site = { ...makeSite('macro', [TX.lonDeg, TX.latDeg], 'tx'), heightAglM: txHeightM, band: 'n41' as const };
site.sectors = [{ id: '1', azimuthDeg: 0, mechanicalTiltDeg: 0, electricalTiltDeg: 0, antenna: 'omni' }];
const radio = { ...DEFAULT_RADIO_SETTINGS, band: 'n41' as const, maxRangeM: { macro: radiusKm * 1000, micro: 1000, indoor: 200 } };
const fsplDb = (d3DM: number) => 32.45 + 20 * Math.log10(freqMhz / 1000) + 20 * Math.log10(d3DM);

function compare(model: PropagationModel) {
  const ctx = makeCoverageContext(grid, radio, { terrainM, landUse, model });
  const links = prepareSiteLinks(ctx, site);
  const link = { clutterShares: new Float64Array(LAND_USE_CLASS_COUNT) } as unknown as LinkGeometry;
  const rows: { clear: number[]; obstructed: number[]; agree: number; n: number } = { clear: [], obstructed: [], agree: 0, n: 0 };
  const toGrid = (lon: number, lat: number) => proj.forward([lon, lat]);
  for (const p of points) {
    const [x, y] = toGrid(p.lonDeg, p.latDeg);
    const col = Math.floor((x - grid.originXM) / grid.cellSizeM);
    const row = Math.floor((grid.originYM - y) / grid.cellSizeM);
    if (Number.isNaN(sectorLinkAtCell(links, 0, col, row, link)) || link.d3DM < 200) continue;
    // the terrain physics only: no antenna pattern, at the band frequency the ITM run used
    link.isOmni = false;
    link.azimuthOffDeg = 0;
    link.verticalOffDeg = 0;
    link.freqGhz = freqMhz / 1000;
    const ours = linkLossDb(model, link) - fsplDb(link.d3DM);
    const itm = p.lossDb - fsplDb(link.d3DM);
    const local = (row - links.window.row0) * links.window.cols + (col - links.window.col0);
    const isObstructed = links.terrain!.isObstructed[local] === 1;
    rows.n++;
    if (isObstructed === p.isObstructed) rows.agree++;
    if (!isObstructed && !p.isObstructed) rows.clear.push(ours - itm);
    if (isObstructed && p.isObstructed) rows.obstructed.push(ours - itm);
  }
  const stats = (d: number[]) => {
    const abs = d.map(Math.abs).sort((a, b) => a - b);
    const signed = [...d].sort((a, b) => a - b);
    const q = (a: number[], p: number) => Math.round(a[Math.min(a.length - 1, Math.floor(p * a.length))] * 10) / 10;
    return { cells: d.length, medianAbsDb: q(abs, 0.5), p90AbsDb: q(abs, 0.9), medianSignedDb: q(signed, 0.5) };
  };
  return { points: rows.n, clearObstructedAgreement: Math.round((1000 * rows.agree) / rows.n) / 1000, bothClear: stats(rows.clear), bothObstructed: stats(rows.obstructed) };
}

console.log(
  JSON.stringify(
    {
      tile: tile === 'karst' ? 'synthetic N26E106 (90 karst cones 60-280 m, a 250 m ridge, a 120 m valley on 1,100 m; seed 7), SRTM-3 3 arc-seconds' : 'synthetic N26E106: one north-south ridge 250 m high, 3 km east of the transmitter, on 1,100 m',
      itm: `SPLAT! ${readdirSync(dir).includes('itm.dat') ? '' : '(no output) '}-olditm (Longley-Rice ITM), ${freqMhz} MHz, vertical, average ground 15/0.005 S/m, N0 301, continental temperate, 50 % locations and time; ${splatS.toFixed(1)} s`,
      ours: `30 m grid, bilinear from the same tile; land use open everywhere (no clutter loss); transmitter ${txHeightM} m, receiver 1.5 m; points 200 m to ${radiusKm} km`,
      excessLoss: 'path loss minus free-space loss at the same 3-D distance; differences ours − ITM',
      defaultModel: compare(DEFAULT_PROPAGATION_MODEL),
      referenceForm: compare(referencePropagationModel()),
      // for the README: the default with the terrain diffraction weight doubled (ITM's double horizon, roughly)
      defaultWithTerrainWeight2: compare({ ...DEFAULT_PROPAGATION_MODEL, kFactors: { ...DEFAULT_PROPAGATION_MODEL.kFactors, terrainDiffraction: 2 } }),
      dir,
    },
    null,
    2,
  ),
);
