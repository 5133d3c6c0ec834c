import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from '../../contract/crossOriginIsolation';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The scheme the app's own pages load from (never file:// and never remote). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * Maps an app:// URL to a file under `rootDir`, or null when the URL leaves the bundle (other host,
 * `..` traversal, encoded separators). Pure, so it is unit-tested without Electron.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves one app:// request from `rootDir`, with the CSP and the cross-origin isolation headers on every response
 * (workers and wasm included: a worker script without COEP would not load in an isolated page).
 */
export async function serveAppRequest(url: string, rootDir: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', ...CROSS_ORIGIN_ISOLATION_HEADERS };
  const file = resolveAppUrl(url, rootDir);
  if (!file) return new Response('Forbidden', { status: 403, headers });
  try {
    const body = await readFile(file);
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': type } });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}
