/**
 * The response headers that make the app's page cross-origin isolated (`crossOriginIsolated === true`), the only way
 * a page gets SharedArrayBuffer: the plan worker then edits on two threads (SplitCoverageEngine). Every host sends
 * them with every response: the desktop app's app:// handler (electron/main/protocol.ts) and the browser build's
 * dev and preview servers (vite.shared.config.ts, vite.web.config.ts). Everything the page loads is its own
 * (same-origin scripts, workers, wasm, the sample) or made by the page (blob: tiles from MBTiles, data: images),
 * so require-corp blocks nothing. https://web.dev/articles/coop-coep
 * @example new Response(body, { headers: { ...CROSS_ORIGIN_ISOLATION_HEADERS } })
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
