import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { atomicWriteFile, autosavePath, discardAutosave, findRecoverableAutosaves, recoverAutosave, writeAutosave } from '../../disk';
import { writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../geodata/project/smallProject';

const tmpDir = () => mkdtempSync(path.join(os.tmpdir(), 'qc-disk-'));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('atomicWriteFile', () => {
  it('writes a new file, then replaces it keeping the previous version as .bak, leaving no temp files', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'p.gpkg');
    await atomicWriteFile(file, bytes('one'));
    expect(readFileSync(file, 'utf8')).toBe('one');
    expect(existsSync(`${file}.bak`)).toBe(false);
    await atomicWriteFile(file, bytes('two'));
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('one');
    await atomicWriteFile(file, bytes('three'), { keepBackup: false });
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('one');
    expect(readdirSync(dir).sort()).toEqual(['p.gpkg', 'p.gpkg.bak']);
  });

  it('on failure throws, removes its temp file and leaves the target as it was', async () => {
    const dir = tmpDir();
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'x');
    await expect(atomicWriteFile(target, bytes('new'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    await expect(atomicWriteFile(path.join(dir, 'missing-folder', 'f'), bytes('x'))).rejects.toThrow(/ENOENT/);
    await expect(atomicWriteFile('', bytes('x'))).rejects.toThrow(RangeError);
  });
});

describe('autosave and recovery', () => {
  const now = new Date('2026-11-24T06:30:05.123Z');

  it('names autosaves next to the project, or by session start for untitled projects', () => {
    expect(autosavePath('/p/renhuai.gpkg', { autosaveDir: '/ud', now })).toBe(path.join('/p', '.renhuai.autosave.gpkg'));
    expect(autosavePath(null, { autosaveDir: '/ud', now })).toBe(path.join('/ud', 'untitled-20261124T063005.autosave.gpkg'));
  });

  it('offers autosaves newer than their project and untitled ones, recovers them, and discards them', async () => {
    const dir = tmpDir();
    const autosaveDir = path.join(dir, 'autosave');
    mkdirSync(autosaveDir);
    const project = smallProject();
    const saved = path.join(dir, 'saved.gpkg');
    const stale = path.join(dir, 'stale.gpkg');
    writeFileSync(saved, await writeProjectGpkg(project));
    writeFileSync(stale, await writeProjectGpkg(project));
    const edited = { ...project, name: '恢复测试' };
    const a1 = await writeAutosave(saved, await writeProjectGpkg(edited), { autosaveDir, now });
    const a2 = await writeAutosave(stale, await writeProjectGpkg(project), { autosaveDir, now });
    utimesSync(saved, 1000, 1000); // the autosave is newer than saved.gpkg
    utimesSync(a2, 1000, 1000); // the stale autosave is older than stale.gpkg
    const a3 = await writeAutosave(null, await writeProjectGpkg(project), { autosaveDir, now });
    const offers = await findRecoverableAutosaves([saved, stale, path.join(dir, 'never-saved.gpkg')], autosaveDir);
    expect(offers.map((o) => o.autosaveFile).sort()).toEqual([a1, a3].sort());
    const r = await recoverAutosave(a1);
    expect(r.ok && r.value.name).toBe('恢复测试');
    writeFileSync(a3, bytes('half-written'));
    expect(await recoverAutosave(a3)).toMatchObject({ ok: false, code: 'not-project' });
    await discardAutosave(a1);
    await discardAutosave(a1);
    expect(existsSync(a1)).toBe(false);
  });
});
