#!/usr/bin/env node
// `npm start`: builds the desktop app and opens it in Electron. Electron 42+ fetches its binary on first
// start; where that cannot happen (no route to the download host), this says so and serves the same UI
// in the browser instead (as `npm run web` does).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron executable (downloading it on first use), or the reason it cannot be had. */
function resolveElectron() {
  try {
    return { exe: require('electron') };
  } catch (err) {
    return { reason: err instanceof Error ? err.message : String(err) };
  }
}

const { build } = await import('electron-vite');
console.log('Building the desktop app ...');
await build({ root, logLevel: 'warn' });

const electron = resolveElectron();
if (electron.exe) {
  const child = spawn(electron.exe, [root], { stdio: 'inherit', windowsHide: false });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  console.warn(
    [
      '',
      'The Electron binary is not available on this machine, so the desktop window cannot open.',
      `  (${electron.reason})`,
      'To get it, run `npx install-electron` on a machine that can reach Electron\'s download host, or set',
      'ELECTRON_MIRROR to a reachable mirror, then `npm start` again.',
      'Meanwhile the same app runs in your browser:',
    ].join('\n'),
  );
  const { serveWeb } = await import('./web.mjs');
  const { url } = await serveWeb({ skipBuild: false, logLevel: 'warn' });
  console.log(`\n  Qiancheng Planner (browser build) is running at: ${url}\n  Press Ctrl+C to stop.\n`);
}
