import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';

/** Symbolic links followed at most (Linux's own limit, ELOOP beyond). */
const MAX_LINK_HOPS = 40;

/**
 * The file a write to `file` must replace: `file` itself, or, when it is a symbolic link (or a chain of them),
 * the file at the end of the chain, which need not exist yet. Saving replaces that target, so the link stays a
 * link and the real project changes, as editors do; replacing the link itself would leave the project behind it
 * as it was. Throws Error with code 'ELOOP' for a loop.
 * @example await resolveWriteTarget('/home/p/current.gpkg') // '/data/renhuai.gpkg' when current.gpkg links there
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let at = path.resolve(file);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let isLink: boolean;
    try {
      isLink = (await lstat(at)).isSymbolicLink();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return at;
      throw err;
    }
    if (!isLink) return at;
    at = path.resolve(path.dirname(at), await readlink(at));
  }
  throw Object.assign(new Error(`${file}: more than ${MAX_LINK_HOPS} symbolic links (a loop?)`), { code: 'ELOOP' });
}
