import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
