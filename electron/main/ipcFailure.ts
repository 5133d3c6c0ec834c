/**
 * An expected failure a handler throws to give the renderer a stable `code` ('not-found', 'unknown-handle',
 * ...) instead of the generic 'failed'; `handle()` turns it into `{ ok: false, code, message }`.
 * @example throw new IpcFailure('not-found', 'renhuai.gpkg is no longer at /data; it was removed from the recent files');
 */
export class IpcFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
