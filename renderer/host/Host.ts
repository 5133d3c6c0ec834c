import type { AppInfo, ConfirmRequest, FileFilter, OpenedFile, Result } from '../../electron/ipc/contract';

export type { AppInfo, FileFilter, OpenedFile } from '../../electron/ipc/contract';

/**
 * Everything the UI asks of its host, and nothing else: the desktop app implements it over IPC
 * (electronHost), the browser build with file inputs and downloads (webHost). `null` = user cancelled.
 */
export interface Host {
  readonly kind: 'electron' | 'web';
  openFile(req: { title?: string; filters: FileFilter[] }): Promise<Result<OpenedFile | null>>;
  /** Save or export bytes under a name the user confirms (desktop: a save dialog; browser: a download). */
  saveFile(req: { title?: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array }): Promise<Result<{ name: string } | null>>;
  confirm(req: ConfirmRequest): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
}
