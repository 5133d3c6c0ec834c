import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandleRegistry } from '../../electron/main/handleRegistry';
import { channels } from '../../electron/ipc/channels';
import type { PdfWindow } from '../../electron/main/printHtmlToPdf';
import { registerReportPdfHandler } from '../../electron/main/reportPdfHandler';

type Listener = (event: unknown, ...args: unknown[]) => Promise<any>;
const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
const PDF = new TextEncoder().encode('%PDF-1.7 fake report');
const HTML = '<!doctype html><html lang="zh-CN"><body><h1>仁怀市报告</h1><img src="data:image/png;base64,AAAA"></body></html>';

/** A fake hidden window that records what was done to it; printToPDF answers PDF (or fails when told to). */
function fakeWindows(options: { failPrint?: boolean } = {}) {
  const made: { loaded?: string; loadedHtml?: string; printOptions?: unknown; isClosed: boolean; allow?: (url: string) => boolean }[] = [];
  const createWindow = (): PdfWindow => {
    const rec: (typeof made)[number] = { isClosed: false };
    made.push(rec);
    return {
      loadFile: vi.fn(async (file: string) => {
        rec.loaded = file;
        rec.loadedHtml = readFileSync(file, 'utf8');
      }),
      close: vi.fn(() => (rec.isClosed = true)),
      webContents: {
        printToPDF: vi.fn(async (o: unknown) => {
          rec.printOptions = o;
          if (options.failPrint) throw new Error('printing failed: out of memory');
          return Buffer.from(PDF);
        }),
        session: {
          webRequest: {
            onBeforeRequest: ((fn: (d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) => {
              rec.allow = (url) => {
                let cancel: boolean | undefined;
                fn({ url }, (r) => (cancel = r.cancel));
                return cancel === false;
              };
            }) as never,
          },
        },
      },
    } as unknown as PdfWindow;
  };
  return { made, createWindow };
}

function setup(picks: (string | null)[], options: { failPrint?: boolean } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'qc-reportpdf-'));
  const tempDir = path.join(root, 'tmp');
  mkdirSync(tempDir);
  const listeners = new Map<string, Listener>();
  const windows = fakeWindows(options);
  const dialog = {
    showSaveDialog: vi.fn(async (_options: unknown) => {
      const file = picks.shift();
      return file ? { canceled: false, filePath: file } : { canceled: true, filePath: '' };
    }),
  };
  const log = vi.fn();
  registerReportPdfHandler({
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) } as never,
    dialog: dialog as never,
    window: () => null,
    pdf: { createWindow: windows.createWindow, tempDir },
    handles: createHandleRegistry(),
    log,
  });
  const invoke = (...args: unknown[]) => listeners.get(channels.saveReportPdf)!(trusted, ...args);
  return { root, tempDir, invoke, dialog, windows, log };
}

describe('app:report.pdf', () => {
  it('loads the HTML into the report window, prints A4, writes the bytes where the dialog said, closes the window', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'qc-reportpdf-docs-')), '报告.pdf');
    const { invoke, dialog, windows, tempDir } = setup([target]);
    const res = await invoke({ suggestedName: '仁怀市县域覆盖规划报告.pdf', html: HTML });
    expect(res).toEqual({ ok: true, value: { name: '报告.pdf' } });
    expect(new Uint8Array(readFileSync(target))).toEqual(PDF);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: '保存县域报告（PDF）', defaultPath: '仁怀市县域覆盖规划报告.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] }));

    expect(windows.made).toHaveLength(1);
    const win = windows.made[0];
    expect(win.loadedHtml).toBe(HTML);
    expect(win.printOptions).toEqual({ pageSize: 'A4', printBackground: true });
    expect(win.isClosed).toBe(true);
    // no network: only the page itself may load
    expect(win.allow!(`file://${win.loaded}`)).toBe(true);
    for (const url of ['https://tile.example.com/1/2/3.png', 'http://127.0.0.1/', 'file:///etc/passwd', 'ws://x/']) expect(win.allow!(url), url).toBe(false);
    // the temp copy of the page is gone
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('a cancelled dialog writes nothing and answers null', async () => {
    const docs = mkdtempSync(path.join(os.tmpdir(), 'qc-reportpdf-docs-'));
    const { invoke, windows, tempDir } = setup([null]);
    expect(await invoke({ suggestedName: 'r.pdf', html: HTML })).toEqual({ ok: true, value: null });
    expect(readdirSync(docs)).toEqual([]);
    expect(windows.made[0].isClosed).toBe(true);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('a failed print is a failed Result with the reason; no dialog, nothing written, the window closed', async () => {
    const { invoke, dialog, windows, tempDir, log } = setup(['/should/not/be/written.pdf'], { failPrint: true });
    const res = await invoke({ suggestedName: 'r.pdf', html: HTML });
    expect(res).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('out of memory') });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(windows.made[0].isClosed).toBe(true);
    expect(readdirSync(tempDir)).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
  });

  it('replaces an existing file atomically, leaving no temp file beside it', async () => {
    const docs = mkdtempSync(path.join(os.tmpdir(), 'qc-reportpdf-docs-'));
    const target = path.join(docs, 'old.pdf');
    writeFileSync(target, 'old report');
    const { invoke } = setup([target]);
    expect(await invoke({ suggestedName: 'r.pdf', html: HTML })).toMatchObject({ ok: true });
    expect(new Uint8Array(readFileSync(target))).toEqual(PDF);
    expect(readdirSync(docs)).toEqual(['old.pdf']);
    expect(existsSync(`${target}.bak`)).toBe(false);
  });

  it('refuses bad arguments before printing anything', async () => {
    const { invoke, windows } = setup(['/x.pdf']);
    expect(await invoke({ suggestedName: '../r.pdf', html: HTML })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(windows.made).toHaveLength(0);
  });
});
