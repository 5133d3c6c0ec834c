import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../contract/hostApi';
import type { Channel } from '../ipc/channels';
import { IpcFailure } from './ipcFailure';
import { isAppUrl } from './security';

/**
 * Registers one IPC handler. Rejects senders other than a top frame of our own bundle, parses the
 * argument before the handler sees it, and turns every throw into `{ ok: false }` (Electron would pass
 * only the message across, and an exception in the renderer is harder to show well).
 */
export function handle<A, T>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: Channel,
  parse: (x: unknown) => A,
  handler: (arg: A, event: IpcMainInvokeEvent) => Promise<T> | T,
  log: (message: string) => void = console.error,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<T>> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      log(`ipc ${channel}: rejected sender ${frame?.url ?? '(none)'}`);
      return { ok: false, code: 'forbidden', message: 'IPC from an untrusted frame' };
    }
    if (args.length > 1) return { ok: false, code: 'bad-request', message: `${channel} takes one argument` };
    let arg: A;
    try {
      arg = parse(args[0]);
    } catch (err) {
      return { ok: false, code: 'bad-request', message: `${channel}: invalid argument: ${errorMessage(err)}` };
    }
    try {
      return { ok: true, value: await handler(arg, event) };
    } catch (err) {
      if (err instanceof IpcFailure) {
        log(`ipc ${channel}: ${err.code}: ${err.message}`);
        return { ok: false, code: err.code, message: err.message };
      }
      log(`ipc ${channel}: ${err instanceof Error ? err.stack : String(err)}`);
      return { ok: false, code: 'failed', message: errorMessage(err) };
    }
  });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
