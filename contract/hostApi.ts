import type { Result } from '../core/result';

export type { Result } from '../core/result';

/*
 * The contract between the UI and the host it runs in: what the renderer may ask (the desktop app answers
 * over IPC through preload, the browser build in the page itself). The renderer owns this interface; the
 * desktop side implements it. Types and a few shared limits only, so both sides can depend on it.
 */

/** How often the app autosaves a project with unsaved edits, ms ("every few minutes", issue 6). */
export const AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000;

export interface FileFilter {
  name: string;
  /** without dots: ['gpkg'], ['xlsx', 'csv'] */
  extensions: string[];
}

/** The language of the UI, so the host's dialogs speak it. */
export type UiLanguage = 'zh' | 'en';

/**
 * What an open dialog is for. The host owns each purpose's title and file types (desktop: main); the UI only
 * names the purpose, so it can never dress one dialog as another (issue 21). Only 'open-project' gives a handle
 * to save back to.
 */
export type OpenPurpose = 'open-project' | 'import-sites' | 'import-places' | 'import-olts' | 'open-base-map' | 'import-drive-test' | 'load-dem';
/** What a save dialog is for; the file's type comes from the suggested name's extension, which the purpose must allow. */
export type SavePurpose = 'export-build-list' | 'export-import-problems' | 'save-report-html' | 'save-import-template';

const IMPORT_EXTENSIONS = ['csv', 'txt', 'xlsx', 'geojson', 'json', 'kml', 'kmz'];

/** The file extensions (no dots) of each dialog purpose: what the dialog offers, and all a save may end in. */
export const PURPOSE_EXTENSIONS: Record<OpenPurpose | SavePurpose, readonly string[]> = {
  'open-project': ['gpkg'],
  'import-sites': IMPORT_EXTENSIONS,
  'import-places': IMPORT_EXTENSIONS,
  'import-olts': IMPORT_EXTENSIONS,
  'open-base-map': ['mbtiles'],
  // drive tests: CSV (contest layout, plain lon/lat/RSRP, export shape), as geodata/measurements reads them
  'import-drive-test': ['csv', 'txt'],
  'load-dem': ['hgt', 'tif', 'tiff', 'zip'],
  'export-build-list': ['xlsx', 'csv', 'geojson', 'kml', 'kmz', 'gpkg'],
  'export-import-problems': ['csv'],
  'save-report-html': ['html'],
  'save-import-template': ['xlsx'],
};

export interface OpenFileRequest {
  purpose: OpenPurpose;
  language?: UiLanguage;
}

export interface SaveFileRequest {
  purpose: SavePurpose;
  language?: UiLanguage;
  /** a bare file name ending in one of the purpose's extensions; the user picks the folder in the dialog */
  suggestedName: string;
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
  /**
   * opaque token for the file behind it (projects only): pass it to saveProject to save in place. A recovered
   * project gets one only when the user confirmed, in the host's own dialog, that it goes back to that file.
   */
  handle?: string;
  /** the other files picked at once, for a purpose that takes several (MULTI_FILE_PURPOSES: DEM tiles) */
  more?: { name: string; bytes: Uint8Array }[];
}

/** Purposes whose dialog picks several files at once: the first is the answer, the rest its `more`. */
export const MULTI_FILE_PURPOSES: readonly OpenPurpose[] = ['load-dem'];

export interface SaveProjectRequest {
  /** a handle main issued (openFile with project, saveProject, openRecent, recover); none = ask with a dialog */
  handle?: string;
  /** a bare file name offered in the save dialog */
  suggestedName: string;
  bytes: Uint8Array;
  /** the session's project key: its autosave is removed once the save succeeds */
  projectKey?: string;
}

export interface SavedProject {
  handle: string;
  name: string;
}

/** How many recent project files the host remembers. */
export const MAX_RECENT_FILES = 10;

export interface RecentFile {
  handle: string;
  name: string;
  /** the file's modification time, ms since 1970 */
  modifiedMs: number;
  /** the folder the file is in (desktop), so two files of one name can be told apart */
  folder?: string;
  /** the file's size, bytes */
  sizeBytes?: number;
  /** how the browser build came to keep it: a file the planner opened, or a project it saved (downloaded) */
  origin?: 'opened' | 'saved';
}

export interface AutosaveRequest {
  /** the renderer's name for one open project in this session (letters, digits, _ and -) */
  projectKey: string;
  bytes: Uint8Array;
  /** the saved file the project came from, if any: recovery offers to save back there */
  handle?: string;
  /** shown in the recovery list */
  name?: string;
}

export interface RecoverableProject {
  /** opaque token for recover() and discardRecovery() */
  id: string;
  name: string;
  /** when the autosave was written, ms since 1970 */
  modifiedMs: number;
  /** the saved file it belongs to, when there was one */
  projectName?: string;
}

/** A county report to print to PDF (A4) and save where the user picks (the host titles the dialog). */
export interface SaveReportPdfRequest {
  language?: UiLanguage;
  /** a bare file name ending in .pdf, offered in the save dialog */
  suggestedName: string;
  /** the report: one self-contained HTML page (images inline); main shows it with JavaScript and network off */
  html: string;
}

/** A county's GB/T 2260 code, as a roadmap folder names its project: counties/<code>.gpkg. */
export const ROADMAP_COUNTY_CODE = /^\d{6}$/;

/** The most bytes of a roadmap folder's roadmap.json the host reads (88 counties with curves: a few MB). */
export const MAX_ROADMAP_INDEX_BYTES = 64 * 1024 * 1024;

export interface OpenRoadmapFolderRequest {
  language?: UiLanguage;
}

/**
 * A roadmap folder (qcplan roadmap --out DIR) the user picked: its roadmap.json, and an opaque token for reading
 * its counties' projects (openRoadmapCounty). The token reads nothing but counties/<code>.gpkg inside that folder.
 */
export interface OpenedRoadmapFolder {
  handle: string;
  /** the folder's name */
  name: string;
  /** roadmap.json's bytes (read them with geodata/roadmap readRoadmapIndex) */
  index: Uint8Array;
}

export interface OpenRoadmapCountyRequest {
  /** a token openRoadmapFolder issued */
  handle: string;
  /** the county's 6-digit code */
  code: string;
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
  saveProject(req: SaveProjectRequest): Promise<Result<SavedProject | null>>;
  listRecent(): Promise<Result<RecentFile[]>>;
  openRecent(handle: string): Promise<Result<OpenedFile>>;
  autosave(req: AutosaveRequest): Promise<Result<{ modifiedMs: number }>>;
  discardAutosave(req: { projectKey: string }): Promise<Result<null>>;
  listRecoverable(): Promise<Result<RecoverableProject[]>>;
  recover(id: string): Promise<Result<OpenedFile>>;
  discardRecovery(id: string): Promise<Result<null>>;
  /** answer to the before-quit event: clean = nothing unsaved, so main removes this session's autosaves */
  quitReady(req: { clean: boolean }): Promise<Result<null>>;
  /** registers the before-quit listener (one at a time); the renderer must answer with quitReady */
  onBeforeQuit(listener: () => void): void;
  /** prints the report to an A4 PDF and saves it where the user picks; `null` = the user cancelled */
  saveReportPdf(req: SaveReportPdfRequest): Promise<Result<{ name: string } | null>>;
  /** a folder dialog for a roadmap folder; `null` = the user cancelled */
  openRoadmapFolder(req: OpenRoadmapFolderRequest): Promise<Result<OpenedRoadmapFolder | null>>;
  /** counties/<code>.gpkg of a roadmap folder opened before (no handle: saving it asks where) */
  openRoadmapCounty(req: OpenRoadmapCountyRequest): Promise<Result<OpenedFile>>;
}
