import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../electron/ipc/channels';
import { createAutosaveStore } from '../../electron/main/autosaveStore';
import { dialogFor, savePathFor } from '../../electron/main/dialogPurposes';
import { createHandleRegistry } from '../../electron/main/handleRegistry';
import { registerHandlers } from '../../electron/main/handlers';
import { createQuitFlow } from '../../electron/main/quitFlow';
import { createRecentFiles } from '../../electron/main/recentFiles';
import { writeProjectGpkg } from '../../geodata/project';
import { smallProject } from '../geodata/project/smallProject';

type Listener = (event: unknown, ...args: unknown[]) => Promise<any>;
const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

/** Every channel over a temp folder, with dialogs that answer from `picks`. */
function app(picks: { open?: string[]; save?: string[] }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qc-dialogs-'));
  const listeners = new Map<string, Listener>();
  const dialog = {
    showOpenDialog: vi.fn(async (_o: unknown) => ({ canceled: !picks.open?.length, filePaths: picks.open?.length ? [picks.open.shift()!] : [] })),
    showSaveDialog: vi.fn(async (_o: unknown) => ({ canceled: !picks.save?.length, filePath: picks.save?.shift() ?? '' })),
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  };
  const handles = createHandleRegistry();
  registerHandlers({
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) } as never,
    dialog: dialog as never,
    window: () => null,
    appInfo: { version: 't', platform: 'linux', electron: '' },
    handles,
    recent: createRecentFiles(path.join(root, 'ud', 'recent.json'), handles),
    autosaves: createAutosaveStore(path.join(root, 'ud', 'autosave'), handles),
    quit: createQuitFlow({ ask: () => false, proceed: () => {} }),
    pdf: { createWindow: () => { throw new Error('no pdf here'); }, tempDir: root },
    language: () => 'en',
    log: () => {},
  });
  const invoke = (channel: string, ...args: unknown[]) => listeners.get(channel)!(trusted, ...args);
  return { root, dialog, invoke, doc: (name: string) => path.join(root, name) };
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('dialogs by purpose, owned by main', () => {
  it('titles and file types come from the purpose and the language', () => {
    expect(dialogFor('export-build-list', 'zh', 'xlsx')).toEqual({ title: '导出建设清单', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
    expect(dialogFor('open-base-map', 'en')).toEqual({ title: 'Open an offline base map (MBTiles)', filters: [{ name: 'MBTiles base map', extensions: ['mbtiles'] }] });
    expect(savePathFor('/d/清单', 'export-build-list', 'csv')).toBe('/d/清单.csv');
    expect(savePathFor('/d/a.CSV', 'export-build-list', 'csv')).toBe('/d/a.CSV');
    expect(savePathFor('/d/renhuai.gpkg', 'export-build-list', 'csv')).toBe('/d/renhuai.gpkg.csv');
  });

  it('an export never replaces a project: not the open one, not another; a wrong extension gets the right one added', async () => {
    const a = app({});
    const project = await writeProjectGpkg(smallProject());
    writeFileSync(a.doc('renhuai.gpkg'), project);
    writeFileSync(a.doc('other.gpkg'), project);
    const picks = { open: [a.doc('renhuai.gpkg')], save: [a.doc('renhuai.gpkg'), a.doc('other.gpkg'), a.doc('renhuai.gpkg'), a.doc('清单')] };
    const b = app(picks);
    const opened = await b.invoke(channels.openFile, { purpose: 'open-project' });
    expect(opened.ok).toBe(true);
    const gpkg = { purpose: 'export-build-list', suggestedName: '清单.gpkg', bytes: bytes('export') };
    expect(await b.invoke(channels.saveFile, gpkg)).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining('renhuai.gpkg is the input renhuai.gpkg') });
    expect(await b.invoke(channels.saveFile, gpkg)).toMatchObject({ ok: false, code: 'refused', message: expect.stringContaining('other.gpkg is a Qiancheng project file: an export never replaces a project') });
    expect(readFileSync(a.doc('renhuai.gpkg'))).toEqual(Buffer.from(project));
    expect(readFileSync(a.doc('other.gpkg'))).toEqual(Buffer.from(project));
    // picking the project in a CSV export dialog writes renhuai.gpkg.csv beside it
    expect(await b.invoke(channels.saveFile, { purpose: 'export-build-list', suggestedName: '清单.csv', bytes: bytes('csv') })).toEqual({ ok: true, value: { name: 'renhuai.gpkg.csv' } });
    expect(readFileSync(a.doc('renhuai.gpkg'))).toEqual(Buffer.from(project));
    expect(await b.invoke(channels.saveFile, { purpose: 'export-build-list', suggestedName: '清单.xlsx', bytes: bytes('x') })).toEqual({ ok: true, value: { name: '清单.xlsx' } });
    expect(b.dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Export the build list', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] }));
    expect(existsSync(a.doc('清单.xlsx'))).toBe(true);
  });

  it('refuses to read a named pipe the user picked, at once', async () => {
    const a = app({});
    execFileSync('mkfifo', [a.doc('pipe.csv')]);
    const b = app({ open: [a.doc('pipe.csv')] });
    expect(await b.invoke(channels.openFile, { purpose: 'import-sites' })).toMatchObject({ ok: false, code: 'not-a-file', message: expect.stringContaining('a named pipe') });
  });
});
