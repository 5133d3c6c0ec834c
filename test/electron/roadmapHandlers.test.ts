import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../electron/ipc/channels';
import { registerRoadmapHandlers } from '../../electron/main/roadmapHandlers';

type Listener = (event: unknown, ...args: unknown[]) => Promise<any>;
const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
const text = (s: string) => new TextEncoder().encode(s);

/** One app run with a fake folder dialog answering `picks` in turn. */
function run(picks: string[]) {
  const listeners = new Map<string, Listener>();
  const dialog = {
    showOpenDialog: vi.fn(async (_options: unknown) => {
      const dir = picks.shift();
      return dir ? { canceled: false, filePaths: [dir] } : { canceled: true, filePaths: [] };
    }),
  };
  registerRoadmapHandlers({
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) } as never,
    dialog: dialog as never,
    window: () => null,
    log: () => {},
  });
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(trusted, ...args);
  return { invoke, dialog };
}

/** A roadmap folder with roadmap.json and one county's project, and a secret file beside it. */
function folder() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qc-roadmap-ipc-'));
  const dir = path.join(root, 'roadmap');
  mkdirSync(path.join(dir, 'counties'), { recursive: true });
  writeFileSync(path.join(dir, 'roadmap.json'), '{"format":"qiancheng-roadmap"}');
  writeFileSync(path.join(dir, 'counties', '520102.gpkg'), 'GPKG');
  writeFileSync(path.join(root, 'secret.gpkg'), 'SECRET');
  return { root, dir };
}

describe('roadmap folder channels', () => {
  it("opens a folder through main's titled folder dialog, then reads a county's project by code", async () => {
    const { dir } = folder();
    const app = run([dir]);
    const opened = await app.invoke(channels.openRoadmapFolder, { language: 'en' });
    expect(opened.ok).toBe(true);
    expect(opened.value.name).toBe('roadmap');
    expect(new TextDecoder().decode(opened.value.index)).toBe('{"format":"qiancheng-roadmap"}');
    expect(opened.value.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Open a roadmap folder (qcplan roadmap output)', properties: ['openDirectory'] }));
    const county = await app.invoke(channels.openRoadmapCounty, { handle: opened.value.handle, code: '520102' });
    expect(county).toEqual({ ok: true, value: { name: '520102.gpkg', bytes: text('GPKG') } });
    const missing = await app.invoke(channels.openRoadmapCounty, { handle: opened.value.handle, code: '520103' });
    expect(missing).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('refuses a path for a code, an unknown token and a county file linking out of the folder', async () => {
    const { root, dir } = folder();
    symlinkSync(path.join(root, 'secret.gpkg'), path.join(dir, 'counties', '520111.gpkg'));
    const app = run([dir]);
    const opened = await app.invoke(channels.openRoadmapFolder, {});
    const handle = opened.value.handle;
    expect(await app.invoke(channels.openRoadmapCounty, { handle, code: '../secret' })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await app.invoke(channels.openRoadmapCounty, { handle, code: '520102', path: '/etc/passwd' })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await app.invoke(channels.openRoadmapCounty, { handle: '00000000-0000-4000-8000-000000000000', code: '520102' })).toMatchObject({ ok: false, code: 'unknown-handle' });
    expect(await app.invoke(channels.openRoadmapCounty, { handle, code: '520111' })).toMatchObject({ ok: false, code: 'outside-folder' });
  });

  it('answers null when the dialog is cancelled, and fails without roadmap.json', async () => {
    const { root } = folder();
    const app = run([]);
    expect(await app.invoke(channels.openRoadmapFolder, {})).toEqual({ ok: true, value: null });
    const other = run([root]);
    expect(await other.invoke(channels.openRoadmapFolder, {})).toMatchObject({ ok: false, code: 'not-found' });
  });
});
