import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { IpcFailure } from './ipcFailure';

/** Paths behind opaque tokens: the renderer holds tokens, main alone knows the paths. */
export interface HandleRegistry {
  /** the token for `file` (the same token every time for the same resolved path) */
  issue(file: string): string;
  /** the path behind `handle`; throws IpcFailure('unknown-handle') for a token main never issued */
  resolve(handle: string): string;
  /** forgets `file` (e.g. it vanished) so its token stops working */
  forget(file: string): void;
  /** every path a handle was issued for: the projects this run opened or saved, which no export may replace */
  paths(): string[];
}

/**
 * Creates the registry of file handles for one run of the app. Tokens are crypto.randomUUID(), so a
 * renderer cannot guess one; they live only in memory, so a token from an earlier run is refused.
 * @example const handles = createHandleRegistry(); const h = handles.issue(picked); handles.resolve(h) === picked;
 */
export function createHandleRegistry(): HandleRegistry {
  const byToken = new Map<string, string>();
  const byPath = new Map<string, string>();
  return {
    issue(file) {
      const resolved = path.resolve(file);
      let token = byPath.get(resolved);
      if (!token) {
        token = randomUUID();
        byPath.set(resolved, token);
        byToken.set(token, resolved);
      }
      return token;
    },
    resolve(handle) {
      const file = byToken.get(handle);
      if (!file) throw new IpcFailure('unknown-handle', 'This file handle is not known (it is from an earlier run, or was never issued); open the file again.');
      return file;
    },
    paths: () => [...byPath.keys()],
    forget(file) {
      const resolved = path.resolve(file);
      const token = byPath.get(resolved);
      if (token) byToken.delete(token);
      byPath.delete(resolved);
    },
  };
}
