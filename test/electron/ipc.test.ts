import { describe, expect, it, vi } from 'vitest';
import { channels, type Channel } from '../../electron/ipc/channels';
import { parsers } from '../../electron/ipc/parsers';
import { handle } from '../../electron/main/ipc';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const listeners = new Map<string, Listener>();
  return {
    ipcMain: { handle: (channel: string, fn: Listener) => listeners.set(channel, fn) },
    invoke: (channel: string, event: unknown, ...args: unknown[]) => listeners.get(channel)!(event, ...args),
  };
}

const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

describe('IPC handle()', () => {
  it('runs the handler with the parsed argument for our top frame', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const handler = vi.fn((req: { title: string }) => `hi ${req.title}`);
    handle(ipcMain as never, channels.confirm, (x) => parsers[channels.confirm](x), handler as never, () => {});
    const res = await invoke(channels.confirm, trusted, { title: 't', message: 'm', okLabel: 'OK', cancelLabel: 'No' });
    expect(res).toEqual({ ok: true, value: 'hi t' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('rejects remote pages, file:// pages, sub-frames and missing frames without calling the handler', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const handler = vi.fn();
    handle(ipcMain as never, channels.appInfo, parsers[channels.appInfo], handler, () => {});
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://bundle/index.html', parent: {} },
      null,
    ]) {
      expect(await invoke(channels.appInfo, { senderFrame })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns handler exceptions into { ok: false } and logs them', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const log = vi.fn();
    handle(ipcMain as never, channels.appInfo, parsers[channels.appInfo], () => {
      throw new Error('disk full');
    }, log);
    expect(await invoke(channels.appInfo, trusted)).toEqual({ ok: false, code: 'failed', message: 'disk full' });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('every channel refuses bad arguments', () => {
  const bytes = new Uint8Array(8);
  const uuid = '0b1c6d2e-7f80-4a1b-9c2d-3e4f5a6b7c8d';
  // Tokens that are not main's randomUUID(): paths, traversal, uppercase, padding, huge, wrong types.
  const forgedHandles = ['/etc/passwd', '../renhuai.gpkg', 'C:\\Users\\x.gpkg', 'file:///tmp/x.gpkg', uuid.toUpperCase(), ` ${uuid}`, `${uuid}\0`, 'x'.repeat(1_000_000), '', 42, null, {}, [uuid]];
  const badKeys = ['', 'a/b', '../x', 'a b', 'k'.repeat(65), '键', 'a\0', 7, null];
  const bad: Record<Channel, unknown[]> = {
    // The renderer names a purpose, never a title or file types: the old shapes are refused (issue 21).
    [channels.openFile]: [
      undefined, null, 42, 'x', {}, { filters: 'all' }, { filters: [{ name: 'Project', extensions: ['gpkg'] }], project: true },
      { purpose: 'open-project', title: '导入站点' }, { purpose: 'delete-files' }, { purpose: 'import-sites', language: 'fr' }, { purpose: 'open-project', extra: 1 },
    ],
    [channels.saveFile]: [
      undefined,
      { purpose: 'export-build-list', suggestedName: 'a.csv', bytes: 'not bytes' },
      { purpose: 'export-build-list', suggestedName: '../../etc/passwd.csv', bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: 'C:\\Windows\\x.csv', bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: '', bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: 'a\0b.csv', bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: `${'x'.repeat(300)}.csv`, bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: 'renhuai.gpkg.exe', bytes: new Uint8Array(1) },
      { purpose: 'export-import-problems', suggestedName: 'renhuai.gpkg', bytes: new Uint8Array(1) },
      { purpose: 'export-build-list', suggestedName: 'a.csv', bytes: new Uint8Array(1), title: '保存项目' },
      { purpose: 'export-build-list', suggestedName: 'a.csv', bytes: new Uint8Array(1), filters: [{ name: 'x', extensions: ['gpkg'] }] },
      { suggestedName: 'a.csv', filters: [], bytes: new Uint8Array(1) },
    ],
    [channels.confirm]: [undefined, { title: 1 }, { title: 't', message: 'm', okLabel: '', cancelLabel: 'c' }, { title: 't', message: 'x'.repeat(3000), okLabel: 'o', cancelLabel: 'c' }],
    [channels.appInfo]: [1, 'x', {}, null],
    [channels.saveProject]: [
      undefined,
      null,
      'renhuai.gpkg',
      { suggestedName: 'a.gpkg', bytes: 'not bytes' },
      { suggestedName: 'a.gpkg', bytes: [1, 2, 3] },
      { suggestedName: 'a.gpkg', bytes: new ArrayBuffer(8) },
      { suggestedName: '../../etc/passwd', bytes },
      { suggestedName: '/home/u/renhuai.gpkg', bytes },
      { suggestedName: 'C:\\Windows\\x.dll', bytes },
      { suggestedName: '..', bytes },
      { suggestedName: 'x'.repeat(100_000), bytes },
      { suggestedName: 'a.gpkg', bytes, extra: true },
      { suggestedName: 'a.gpkg', bytes, path: '/tmp/a.gpkg' },
      { suggestedName: 'a.gpkg', bytes, filters: [] },
      ...forgedHandles.map((handle) => ({ handle, suggestedName: 'a.gpkg', bytes })),
      ...badKeys.map((projectKey) => ({ suggestedName: 'a.gpkg', bytes, projectKey })),
    ],
    [channels.listRecent]: [null, 0, '', {}, [], uuid],
    [channels.openRecent]: [undefined, ...forgedHandles, { handle: uuid }],
    [channels.autosave]: [
      undefined,
      {},
      { projectKey: 'p1' },
      { projectKey: 'p1', bytes: 'abc' },
      { projectKey: 'p1', bytes, extra: 1 },
      { projectKey: 'p1', bytes, name: 'x'.repeat(201) },
      { projectKey: 'p1', bytes, name: 'evil\nlog line' },
      { projectKey: 'p1', bytes, name: 5 },
      ...badKeys.map((projectKey) => ({ projectKey, bytes })),
      ...forgedHandles.map((handle) => ({ projectKey: 'p1', bytes, handle })),
    ],
    [channels.discardAutosave]: [undefined, 'p1', {}, { projectKey: 'p1', all: true }, ...badKeys.map((projectKey) => ({ projectKey }))],
    [channels.listRecoverable]: [null, 1, 'x', {}],
    [channels.recover]: [undefined, ...forgedHandles, { id: uuid }],
    [channels.discardRecovery]: [undefined, ...forgedHandles, { id: uuid }],
    [channels.quitReady]: [undefined, {}, { clean: 'yes' }, { clean: 1 }, { clean: true, extra: 1 }, true],
    [channels.quitSubscribe]: [null, true, {}, 'app:before-quit'],
    [channels.saveReportPdf]: [
      undefined,
      null,
      '<html></html>',
      { suggestedName: 'r.pdf' },
      { suggestedName: 'r.pdf', html: '' },
      { suggestedName: 'r.pdf', html: 42 },
      { suggestedName: 'r.pdf', html: new TextEncoder().encode('<p>') },
      { suggestedName: 'r.pdf', html: 'x'.repeat(64 * 1024 * 1024 + 1) },
      { suggestedName: 'r.html', html: '<p>' },
      { suggestedName: '../../etc/r.pdf', html: '<p>' },
      { suggestedName: '/home/u/r.pdf', html: '<p>' },
      { suggestedName: 'C:\\Users\\r.pdf', html: '<p>' },
      { suggestedName: 'x'.repeat(300) + '.pdf', html: '<p>' },
      { suggestedName: 'r.pdf', html: '<p>', path: '/tmp/r.pdf' },
      { suggestedName: 'r.pdf', html: '<p>', title: '生成县域报告' },
    ],
    // a folder dialog titled by main: no path, title or filters from the renderer
    [channels.openRoadmapFolder]: [undefined, null, '/home/u/roadmap', { path: '/home/u/roadmap' }, { title: '打开项目文件' }, { language: 'fr' }, { properties: ['openFile'] }],
    // a token and a 6-digit code: never a path, traversal or a file name
    [channels.openRoadmapCounty]: [
      undefined, null, { handle: uuid }, { code: '520102' }, { handle: uuid, code: '../secret' }, { handle: uuid, code: '520102.gpkg' },
      { handle: uuid, code: '5201020' }, { handle: uuid, code: 520102 }, { handle: uuid, code: '520102', path: '/etc/passwd' },
      ...forgedHandles.map((handle) => ({ handle, code: '520102' })),
    ],
  };

  for (const channel of Object.values(channels)) {
    it(`${channel}`, async () => {
      const { ipcMain, invoke } = fakeIpc();
      const handler = vi.fn();
      handle(ipcMain as never, channel, parsers[channel] as (x: unknown) => unknown, handler, () => {});
      for (const arg of bad[channel]) {
        const res = await invoke(channel, trusted, arg);
        expect(res, JSON.stringify(arg)?.slice(0, 80)).toMatchObject({ ok: false, code: 'bad-request' });
      }
      expect(await invoke(channel, trusted, {}, {})).toMatchObject({ ok: false, code: 'bad-request' });
      expect(handler).not.toHaveBeenCalled();
    });
  }
});

describe('the new channels accept what the renderer legitimately sends', () => {
  const uuid = '0b1c6d2e-7f80-4a1b-9c2d-3e4f5a6b7c8d';
  const bytes = new Uint8Array(8);
  const good: [Channel, unknown][] = [
    [channels.openFile, { purpose: 'open-project' }],
    [channels.openFile, { purpose: 'import-olts', language: 'en' }],
    [channels.saveFile, { purpose: 'export-build-list', language: 'zh', suggestedName: '仁怀市_建设清单.xlsx', bytes }],
    [channels.saveFile, { purpose: 'export-import-problems', suggestedName: '站点_问题清单.CSV', bytes }],
    [channels.saveProject, { suggestedName: '仁怀市 规划.gpkg', bytes }],
    [channels.saveProject, { handle: uuid, suggestedName: 'a.gpkg', bytes, projectKey: 'p-1_x' }],
    [channels.listRecent, undefined],
    [channels.openRecent, uuid],
    [channels.autosave, { projectKey: 'p1', bytes, handle: uuid, name: '仁怀市/测试' }],
    [channels.discardAutosave, { projectKey: 'p1' }],
    [channels.listRecoverable, undefined],
    [channels.recover, uuid],
    [channels.discardRecovery, uuid],
    [channels.quitReady, { clean: true }],
    [channels.quitSubscribe, undefined],
    [channels.saveReportPdf, { language: 'zh', suggestedName: '仁怀市县域覆盖规划报告.pdf', html: '<!doctype html><p>报告</p>' }],
  ];
  for (const [channel, arg] of good) {
    it(`${channel} ${JSON.stringify(arg)?.slice(0, 60)}`, () => {
      expect(parsers[channel](arg)).toEqual(arg);
    });
  }
});
