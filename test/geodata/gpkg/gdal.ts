import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True when GDAL's ogrinfo is on PATH; GDAL checks skip only when it is absent. */
export const hasOgrinfo = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;

/** Writes `bytes` to a temp file named `name` and runs `ogrinfo args file`; returns stdout + stderr and status. */
export function ogrinfo(bytes: Uint8Array, name: string, args: string[]): { status: number | null; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-ogr-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync('ogrinfo', [...args, file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}

const VALIDATOR = ['/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py', '/usr/share/doc/python3-gdal/examples/validate_gpkg.py'].find((p) => existsSync(p));
/** True when GDAL's GeoPackage conformance checker (python3-gdal samples/validate_gpkg.py) is installed. */
export const hasGpkgValidator = VALIDATOR !== undefined;

/** Runs GDAL's validate_gpkg.py on `bytes`; status 0 and no output mean the file conforms to OGC 12-128. */
export function validateGpkg(bytes: Uint8Array): { status: number | null; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-val-'));
  const file = path.join(dir, 'v.gpkg');
  writeFileSync(file, bytes);
  const r = spawnSync('python3', [VALIDATOR!, file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Copies a GeoPackage with GDAL's ogr2ogr (GDAL rewrites every table and blob, adds its spatial indexes); returns the copy. */
export function ogr2ogrCopy(bytes: Uint8Array): { status: number | null; out: string; copy: Uint8Array | null } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-ogr2ogr-'));
  const src = path.join(dir, 'src.gpkg');
  const dst = path.join(dir, 'dst.gpkg');
  writeFileSync(src, bytes);
  const r = spawnSync('ogr2ogr', ['-f', 'GPKG', dst, src], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, copy: existsSync(dst) ? new Uint8Array(readFileSync(dst)) : null };
}
