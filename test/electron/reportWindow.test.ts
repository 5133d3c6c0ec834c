import { describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => [] as Record<string, any>[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, any>) {
      made.push(options);
    }
  },
}));

describe('createReportWindow', () => {
  it('is hidden, sandboxed, isolated, without node, preload or JavaScript, in an in-memory session', async () => {
    const { createReportWindow, REPORT_PARTITION } = await import('../../electron/main/reportWindow');
    createReportWindow();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, javascript: false, webSecurity: true, webviewTag: false, partition: REPORT_PARTITION },
    });
    expect(made[0].webPreferences.preload).toBeUndefined();
    expect(REPORT_PARTITION).not.toMatch(/^persist:/);
  });
});
