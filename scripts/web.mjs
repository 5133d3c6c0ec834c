#!/usr/bin/env node
// `npm run web`: builds the browser version of the app and serves it on a local address it prints.
// Options: --port N (default 5173), --no-build (serve the last build), --not-isolated (without the COOP/COEP
// headers: edits then run on one thread, as on a host that does not send them).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(root, 'vite.web.config.ts');
const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : 5173;

/**
 * Runs `build` with NODE_ENV=production. Vite builds for production only when NODE_ENV is unset or
 * 'production', and vitest sets it to 'test': the end-to-end tests got React's development build, several
 * times slower to render than the one users get.
 */
export async function asProductionBuild(build) {
  const was = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build();
  } finally {
    if (was === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = was;
  }
}

/** What a server sends instead of the cross-origin isolation headers (vite.web.config.ts) with `isolated: false`: the defaults. */
const NOT_ISOLATED = { 'Cross-Origin-Opener-Policy': 'unsafe-none', 'Cross-Origin-Embedder-Policy': 'unsafe-none' };

/**
 * Builds (unless --no-build) and serves dist-web; resolves to the server and its URL. The page is cross-origin
 * isolated (two-thread edits) unless `isolated: false` (how a host without the headers serves it: one thread).
 */
export async function serveWeb({ skipBuild = false, logLevel = 'warn', port: wanted = port, isolated = true } = {}) {
  if (!skipBuild || !existsSync(path.join(root, 'dist-web', 'index.html'))) {
    await asProductionBuild(() => build({ configFile, root: path.join(root, 'renderer'), logLevel }));
  }
  const previewOptions = { port: wanted, host: '127.0.0.1', ...(isolated ? {} : { headers: NOT_ISOLATED }) };
  const server = await preview({ configFile, root: path.join(root, 'renderer'), logLevel, preview: previewOptions });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${wanted}/`;
  return { server, url };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serveWeb({ skipBuild: args.includes('--no-build'), logLevel: 'info', isolated: !args.includes('--not-isolated') });
  console.log(`\n  Qiancheng Planner (browser build) is running at: ${url}\n  Press Ctrl+C to stop.\n`);
}
