import type { PreviewServer } from 'vite';

let server: PreviewServer | null = null;
let url: string | null = null;

/** Builds the browser version once per run and serves it on a free local port. */
export async function webUrl(): Promise<string> {
  if (url) return url;
  // @ts-expect-error plain .mjs script without types
  const { serveWeb } = await import('../../scripts/web.mjs');
  // A port of its own so a developer's `npm run web` on 5173 does not collide; vite moves up if taken.
  const started = await serveWeb({ port: 20_000 + (process.pid % 20_000), logLevel: 'error' });
  server = started.server;
  url = started.url as string;
  return url;
}

export async function stopWebServer(): Promise<void> {
  await server?.close();
  server = null;
  url = null;
}
