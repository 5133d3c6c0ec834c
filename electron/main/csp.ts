/**
 * Content-Security-Policy for every app page: our own files only, WebAssembly allowed (sql.js, HiGHS),
 * workers from our origin or blob:, images from our origin, data: and blob: (map tiles drawn locally).
 * No remote hosts: the app runs offline, base maps come from local MBTiles files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
