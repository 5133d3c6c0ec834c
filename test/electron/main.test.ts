import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron cannot be required in plain Node: mock the parts main.ts touches and drive its lifecycle.
const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, any>; url?: string; handlers: Record<string, Function> }[],
  ready: null as null | (() => void),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Function>(),
  ipcHandlers: new Map<string, Function>(),
  appHandlers: new Map<string, Function>(),
  contents: [] as { events: Map<string, Function>; openHandler?: Function; permission?: Function; check?: Function }[],
  sent: [] as string[],
  quit: null as unknown as { mock: { calls: unknown[] } },
}));

vi.mock('electron', () => {
  function makeContents() {
    const c = { events: new Map<string, Function>(), openHandler: undefined as Function | undefined, permission: undefined as Function | undefined, check: undefined as Function | undefined };
    state.contents.push(c);
    return {
      on: (e: string, fn: Function) => c.events.set(e, fn),
      send: (channel: string) => state.sent.push(channel),
      isCrashed: () => false,
      setWindowOpenHandler: (fn: Function) => (c.openHandler = fn),
      session: { setPermissionRequestHandler: (fn: Function) => (c.permission = fn), setPermissionCheckHandler: (fn: Function) => (c.check = fn) },
    };
  }
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    webContents = makeContents();
    handlers: Record<string, Function> = {};
    constructor(public options: Record<string, any>) {
      state.windows.push(this as never);
    }
    once(e: string, fn: Function) { this.handlers[e] = fn; }
    on(e: string, fn: Function) { this.handlers[e] = fn; }
    show() {}
    loadURL(url: string) { (this as any).url = url; return Promise.resolve(); }
  }
  return {
    app: {
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      on: (e: string, fn: Function) => state.appHandlers.set(e, fn),
      getVersion: () => '0.1.0',
      getPath: (name: string) => `/nonexistent-userdata/${name}`,
      quit: (state.quit = vi.fn()),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: {},
    ipcMain: { handle: (ch: string, fn: Function) => state.ipcHandlers.set(ch, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, fn: Function) => state.protocolHandlers.set(scheme, fn),
    },
  };
});

const logged = vi.hoisted(() => ({ info: [] as string[], error: [] as string[], initialised: false }));
vi.mock('electron-log/main', () => ({
  default: {
    initialize: () => (logged.initialised = true),
    transports: { file: {} },
    errorHandler: { startCatching: vi.fn() },
    info: (m: string) => logged.info.push(m),
    error: (m: string) => logged.error.push(m),
  },
}));

describe('electron main', () => {
  beforeEach(async () => {
    await import('../../electron/main/main');
    state.ready?.();
    await new Promise((r) => setTimeout(r, 0));
  });

  it('opens one hardened window on app://, with sandbox, isolation and no node', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0] as any;
    expect(win.url).toBe('app://bundle/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(win.options.webPreferences.preload).toMatch(/preload[\\/]preload\.cjs$/);
  });

  it('registers app:// as a privileged standard scheme and serves it', () => {
    expect(state.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(state.protocolHandlers.has('app')).toBe(true);
  });

  it('blocks navigation away from the bundle, new windows, webviews and permissions', () => {
    const c = state.contents[0];
    const prevent = vi.fn();
    c.events.get('will-navigate')!({ preventDefault: prevent }, 'https://example.com/');
    expect(prevent).toHaveBeenCalledOnce();
    const allow = vi.fn();
    c.events.get('will-navigate')!({ preventDefault: allow }, 'app://bundle/index.html');
    expect(allow).not.toHaveBeenCalled();
    expect(c.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const webview = vi.fn();
    c.events.get('will-attach-webview')!({ preventDefault: webview });
    expect(webview).toHaveBeenCalledOnce();
    const granted = vi.fn();
    c.permission!({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(c.check!()).toBe(false);
  });

  it('starts a log file for support', () => {
    expect(logged.initialised).toBe(true);
    expect(logged.info.some((m) => m.startsWith('started 0.1.0'))).toBe(true);
  });

  it('holds a window close until the renderer answers before-quit, then quits', async () => {
    const { beforeQuitEvent, channels } = await import('../../electron/ipc/channels');
    const win = state.windows[0] as any;
    const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    // A page that never registered a listener is not waited for.
    const unheld = vi.fn();
    win.handlers.close({ preventDefault: unheld });
    expect(unheld).not.toHaveBeenCalled();
    await state.ipcHandlers.get(channels.quitSubscribe)!(trusted);
    const prevent = vi.fn();
    win.handlers.close({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalledOnce();
    expect(state.sent).toEqual([beforeQuitEvent]);
    expect(state.quit.mock.calls).toHaveLength(0);
    // clean: false, so no autosave is touched (userData here does not exist)
    expect(await state.ipcHandlers.get(channels.quitReady)!(trusted, { clean: false })).toEqual({ ok: true, value: null });
    expect(state.quit.mock.calls).toHaveLength(1);
    const later = vi.fn();
    win.handlers.close({ preventDefault: later });
    expect(later).not.toHaveBeenCalled();
  });

  it('handles exactly the channels of the contract', async () => {
    const { channels } = await import('../../electron/ipc/channels');
    expect([...state.ipcHandlers.keys()].sort()).toEqual(Object.values(channels).sort());
  });
});
