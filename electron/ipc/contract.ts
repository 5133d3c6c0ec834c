import type { Result } from '../../core/result';

export type { Result } from '../../core/result';

/** IPC channel names: the only channels main handles and preload exposes. */
export const channels = {
  openFile: 'app:file.open',
  saveFile: 'app:file.save',
  confirm: 'app:dialog.confirm',
  appInfo: 'app:info',
} as const;

export type Channel = (typeof channels)[keyof typeof channels];

export interface FileFilter {
  name: string;
  /** without dots: ['gpkg'], ['xlsx', 'csv'] */
  extensions: string[];
}

export interface OpenFileRequest {
  title?: string;
  filters: FileFilter[];
}

export interface SaveFileRequest {
  title?: string;
  /** a bare file name; the user picks the folder in the dialog */
  suggestedName: string;
  filters: FileFilter[];
  bytes: Uint8Array;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  okLabel: string;
  cancelLabel: string;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  platform: string;
  electron: string;
}

/** What preload exposes as `window.app`: one function per channel. `null` = the user cancelled. */
export interface AppApi {
  openFile(req: OpenFileRequest): Promise<Result<OpenedFile | null>>;
  saveFile(req: SaveFileRequest): Promise<Result<{ name: string } | null>>;
  confirm(req: ConfirmRequest): Promise<Result<boolean>>;
  appInfo(): Promise<Result<AppInfo>>;
}
