import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atomicWriteFile, autosavePath, checkOutputPath, discardAutosave, findRecoverableAutosaves, readInputFile, recoverAutosave, writeAutosave,
} from '../../disk';
import { exportBuildList } from '../../geodata/export';
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

describe('atomicWriteFile through symbolic links', () => {
  it('replaces the link\'s target atomically, keeps its .bak beside it, and leaves the link a link', async () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, 'data'));
    const real = path.join(dir, 'data', 'renhuai.gpkg');
    writeFileSync(real, 'old');
    const link = path.join(dir, 'current.gpkg');
    symlinkSync(path.join('data', 'renhuai.gpkg'), link);
    const chain = path.join(dir, 'chain.gpkg');
    symlinkSync(link, chain);
    expect(await atomicWriteFile(chain, bytes('new'))).toBe(real);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(chain).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readFileSync(`${real}.bak`, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['chain.gpkg', 'current.gpkg', 'data']);
    expect(readdirSync(path.join(dir, 'data')).sort()).toEqual(['renhuai.gpkg', 'renhuai.gpkg.bak']);
    // a link to a file not there yet creates the file where it points; a loop is refused
    const dangling = path.join(dir, 'next.gpkg');
    symlinkSync(path.join(dir, 'data', 'next-real.gpkg'), dangling);
    await atomicWriteFile(dangling, bytes('first'));
    expect(readFileSync(path.join(dir, 'data', 'next-real.gpkg'), 'utf8')).toBe('first');
    symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    await expect(atomicWriteFile(path.join(dir, 'loop-a'), bytes('x'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});

describe('readInputFile', () => {
  it('reads a regular file and refuses pipes, devices and folders by type, and big files by size, at once', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'sites.csv');
    writeFileSync(file, 'a,b\n');
    expect(new TextDecoder().decode(await readInputFile(file, { maxBytes: 100 }))).toBe('a,b\n');
    await expect(readInputFile(file, { maxBytes: 3 })).rejects.toMatchObject({ code: 'too-large', message: 'sites.csv is 0.0 MB; at most 0.0 MB are read' });
    const fifo = path.join(dir, 'pipe.gpkg');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    await expect(readInputFile(fifo, { maxBytes: 1e9 })).rejects.toMatchObject({ code: 'not-a-file', message: expect.stringContaining('a named pipe') });
    const link = path.join(dir, 'zero.csv');
    symlinkSync('/dev/zero', link);
    await expect(readInputFile(link, { maxBytes: 1e9 })).rejects.toMatchObject({ code: 'not-a-file', message: expect.stringContaining('character device') });
    await expect(readInputFile(dir, { maxBytes: 1e9 })).rejects.toMatchObject({ code: 'not-a-file', message: expect.stringContaining('a folder') });
    await expect(readInputFile(path.join(dir, 'none.csv'), { maxBytes: 1e9 })).rejects.toMatchObject({ code: 'not-found' });
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('checkOutputPath', () => {
  it('refuses the input itself, through a symbolic or hard link, and any project file; allows other files', async () => {
    const dir = tmpDir();
    const project = path.join(dir, 'p.gpkg');
    writeFileSync(project, await writeProjectGpkg(smallProject()));
    await expect(checkOutputPath(project, { inputs: [project] })).rejects.toThrow(/p.gpkg is the input p.gpkg: writing there would destroy it/);
    symlinkSync(project, path.join(dir, 'link.csv'));
    await expect(checkOutputPath(path.join(dir, 'link.csv'), { inputs: [project] })).rejects.toThrow(/the same file through a link/);
    linkSync(project, path.join(dir, 'hard.csv'));
    await expect(checkOutputPath(path.join(dir, 'hard.csv'), { inputs: [project] })).rejects.toThrow(/the same file through a link/);
    const other = path.join(dir, 'other.gpkg');
    writeFileSync(other, await writeProjectGpkg(smallProject()));
    await expect(checkOutputPath(other, { inputs: [project] })).rejects.toThrow(/other.gpkg is a Qiancheng project file: an export never replaces a project/);
    await expect(checkOutputPath(other, { inputs: [project], mayReplaceProject: true })).resolves.toBeUndefined();
    const buildList = path.join(dir, 'list.gpkg');
    writeFileSync(buildList, await exportBuildList([], 'gpkg'));
    await expect(checkOutputPath(buildList, { inputs: [project] })).resolves.toBeUndefined();
    await expect(checkOutputPath(path.join(dir, 'new.csv'), { inputs: [project] })).resolves.toBeUndefined();
    await expect(checkOutputPath(dir, { inputs: [project] })).rejects.toThrow(/not a regular file/);
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
