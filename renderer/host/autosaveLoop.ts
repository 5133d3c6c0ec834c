import { AUTOSAVE_INTERVAL_MS } from '../../contract/hostApi';
import type { Host } from './Host';

export interface AutosaveLoopOptions {
  /** the session's key for the open project */
  projectKey: string;
  /** true while there are edits the saved file lacks */
  isDirty: () => boolean;
  /** the project as a file (writeProjectGpkg) */
  serialise: () => Promise<Uint8Array>;
  /** the handle of the saved file, when there is one (recovery offers to save back there) */
  handle?: () => string | undefined;
  /** the name shown in the recovery list */
  name?: () => string;
  intervalMs?: number;
  /** an autosave failed (disk full, storage refused): show it, the loop keeps going */
  onError?: (message: string) => void;
}

export interface AutosaveLoop {
  /** autosaves now if there are unsaved edits (waits for a run already under way) */
  flush(): Promise<void>;
  /** the close answer for Host.onQuitRequested: autosave unsaved edits and keep them, or report clean */
  quitAnswer(): Promise<{ clean: boolean }>;
  stop(): void;
}

/**
 * Autosaves the open project through the host every `intervalMs` while it has unsaved edits; runs never
 * overlap. Wire it with `host.onQuitRequested(loop.quitAnswer)` so closing autosaves too.
 * @example const loop = startAutosaveLoop(host, { projectKey, isDirty, serialise: () => writeProjectGpkg(project) });
 */
export function startAutosaveLoop(host: Host, options: AutosaveLoopOptions): AutosaveLoop {
  const intervalMs = options.intervalMs ?? AUTOSAVE_INTERVAL_MS;
  if (!(intervalMs > 0)) throw new RangeError('intervalMs must be > 0');
  let running: Promise<void> | undefined;

  async function once(): Promise<void> {
    if (!options.isDirty()) return;
    try {
      const handle = options.handle?.();
      const name = options.name?.();
      const res = await host.autosave({ projectKey: options.projectKey, bytes: await options.serialise(), ...(handle ? { handle } : {}), ...(name ? { name } : {}) });
      if (!res.ok) options.onError?.(res.message);
    } catch (err) {
      options.onError?.(err instanceof Error ? err.message : String(err));
    }
  }
  function flush(): Promise<void> {
    running ??= once().finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => void flush(), intervalMs);
  return {
    flush,
    async quitAnswer() {
      await running;
      if (!options.isDirty()) return { clean: true };
      await flush();
      return { clean: false };
    },
    stop: () => clearInterval(timer),
  };
}
