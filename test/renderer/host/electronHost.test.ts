import { describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../../contract/hostApi';
import { createElectronHost } from '../../../renderer/host/electronHost';

function fakeApi() {
  let listener: (() => void) | undefined;
  const quitReady = vi.fn(async () => ({ ok: true as const, value: null }));
  const api = { onBeforeQuit: (fn: () => void) => (listener = fn), quitReady } as unknown as AppApi;
  return { api, quitReady, fire: () => listener!() };
}

describe('electronHost close round trip', () => {
  it('answers main with the handler’s verdict', async () => {
    const { api, quitReady, fire } = fakeApi();
    createElectronHost(api).onQuitRequested(async () => ({ clean: true }));
    fire();
    await vi.waitFor(() => expect(quitReady).toHaveBeenCalledWith({ clean: true }));
  });

  it('still answers (keeping the autosave) when the handler fails, so the close is not held to the timeout', async () => {
    const { api, quitReady, fire } = fakeApi();
    createElectronHost(api).onQuitRequested(async () => {
      throw new Error('serialise failed');
    });
    fire();
    await vi.waitFor(() => expect(quitReady).toHaveBeenCalledWith({ clean: false }));
  });
});

describe('electronHost dialogs', () => {
  it('names the purpose and the UI language only: main owns titles and file types', async () => {
    const openFile = vi.fn(async () => ({ ok: true as const, value: null }));
    const saveFile = vi.fn(async () => ({ ok: true as const, value: null }));
    const host = createElectronHost({ openFile, saveFile } as unknown as AppApi, () => 'zh');
    await host.openFile({ purpose: 'import-sites' });
    await host.saveFile({ purpose: 'export-build-list', suggestedName: 'a.csv', bytes: new Uint8Array(1) });
    expect(openFile).toHaveBeenCalledWith({ purpose: 'import-sites', language: 'zh' });
    expect(saveFile).toHaveBeenCalledWith({ purpose: 'export-build-list', language: 'zh', suggestedName: 'a.csv', bytes: new Uint8Array(1) });
  });
});

describe('electronHost report PDF', () => {
  it('offers saveReportPdf and sends the request to main with the UI language; the browser host does not offer it', async () => {
    const saveReportPdf = vi.fn(async () => ({ ok: true as const, value: { name: 'r.pdf' } }));
    const host = createElectronHost({ saveReportPdf } as unknown as AppApi, () => 'en');
    const req = { suggestedName: 'r.pdf', html: '<p>报告</p>' };
    expect(await host.saveReportPdf!(req)).toEqual({ ok: true, value: { name: 'r.pdf' } });
    expect(saveReportPdf).toHaveBeenCalledWith({ ...req, language: 'en' });
    const { createWebHost } = await import('../../../renderer/host/webHost');
    expect(createWebHost({} as Document).saveReportPdf).toBeUndefined();
  });
});
