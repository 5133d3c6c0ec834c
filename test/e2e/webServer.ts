import type { PreviewServer } from 'vite';

const servers = new Map<boolean, { server: PreviewServer; url: string }>();
let built = false;

/**
 * Builds the browser version once per run and serves it on a free local port: cross-origin isolated (as
 * `npm run web` serves it: two-thread edits) unless `isolated: false` (no COOP/COEP: one thread).
 */
export async function webUrl(options: { isolated?: boolean } = {}): Promise<string> {
  const isolated = options.isolated ?? true;
  const running = servers.get(isolated);
  if (running) return running.url;
  // @ts-expect-error plain .mjs script without types
  const { serveWeb } = await import('../../scripts/web.mjs');
  // A port of its own so a developer's `npm run web` on 5173 does not collide; vite moves up if taken.
  const port = 20_000 + (process.pid % 20_000) + (isolated ? 0 : 1);
  const started = await serveWeb({ port, logLevel: 'error', isolated, skipBuild: built });
  built = true;
  servers.set(isolated, { server: started.server, url: started.url as string });
  return started.url as string;
}

export async function stopWebServer(): Promise<void> {
  await Promise.all([...servers.values()].map((s) => s.server.close()));
  servers.clear();
}
