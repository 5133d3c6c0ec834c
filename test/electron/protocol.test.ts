import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { resolveAppUrl, serveAppRequest } from '../../electron/main/protocol';

const root = mkdtempSync(path.join(os.tmpdir(), 'qc-proto-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
writeFileSync(path.join(root, 'assets', 'a.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(path.join(os.tmpdir(), 'qc-secret.txt'), 'secret');

describe('app:// protocol', () => {
  it('maps bundle URLs into the renderer folder', () => {
    expect(resolveAppUrl('app://bundle/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl('app://bundle/assets/a.wasm?x=1', root)).toBe(path.join(root, 'assets', 'a.wasm'));
  });

  it('refuses other hosts, schemes, traversal and encoded separators', () => {
    for (const url of [
      'app://other/index.html',
      'file:///etc/passwd',
      'https://bundle/index.html',
      'app://bundle/..%2fqc-secret.txt',
      'app://bundle/..%5cqc-secret.txt',
      'app://bundle/%00',
      'not a url',
    ]) {
      expect(resolveAppUrl(url, root), url).toBeNull();
    }
  });

  it('normalises dot segments inside the bundle, never outside it', () => {
    expect(resolveAppUrl('app://bundle/../qc-secret.txt', root)).toBe(path.join(root, 'qc-secret.txt'));
    expect(resolveAppUrl('app://bundle/%2e%2e/qc-secret.txt', root)).toBe(path.join(root, 'qc-secret.txt'));
    expect(resolveAppUrl('app://bundle/assets/../../../index.html', root)).toBe(path.join(root, 'index.html'));
  });

  it('serves files with the CSP, a MIME type and nosniff; 403 outside, 404 when missing', async () => {
    const ok = await serveAppRequest('app://bundle/assets/a.wasm', root);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/wasm');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await serveAppRequest('app://bundle/..%2fqc-secret.txt', root)).status).toBe(403);
    const missing = await serveAppRequest('app://bundle/nope.js', root);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('makes every page, worker and file cross-origin isolated (COOP same-origin, COEP require-corp): SharedArrayBuffer for two-thread edits', async () => {
    for (const url of ['app://bundle/index.html', 'app://bundle/assets/a.wasm', 'app://bundle/nope.js', 'app://other/x']) {
      const res = await serveAppRequest(url, root);
      expect(res.headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy'), url).toBe('require-corp');
    }
  });

  it('has a CSP that allows only our own origin plus wasm, and no remote host', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain(" 'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
