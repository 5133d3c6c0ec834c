import type {
  AppInfo,
  AutosaveRequest,
  ConfirmRequest,
  OpenedFile,
  OpenFileRequest,
  OpenedRoadmapFolder,
  OpenRoadmapCountyRequest,
  OpenRoadmapFolderRequest,
  RecentFile,
  RecoverableProject,
  Result,
  SavedProject,
  SaveProjectRequest,
  SaveFileRequest,
  SaveReportPdfRequest,
} from '../../contract/hostApi';

export type {
  OpenedRoadmapFolder, OpenRoadmapCountyRequest, OpenRoadmapFolderRequest,
  AppInfo, AutosaveRequest, OpenedFile, OpenFileRequest, OpenPurpose, RecentFile, RecoverableProject, SavedProject, SaveFileRequest, SavePurpose,
  SaveProjectRequest, SaveReportPdfRequest,
} from '../../contract/hostApi';

/**
 * Everything the UI asks of its host, and nothing else: the desktop app implements it over IPC
 * (electronHost), the browser build with file inputs, downloads and IndexedDB (webHost). `null` = user
 * cancelled. Handles and recovery ids are opaque tokens the host issued; the UI never sees a path.
 */
export interface Host {
  readonly kind: 'electron' | 'web';
  /**
   * Asks for a file to read, for a purpose: the host owns the dialog's title and file types. Purpose
   * 'open-project' = a project file: the answer carries a handle and the file joins the recent files.
   */
  openFile(req: OpenFileRequest): Promise<Result<OpenedFile | null>>;
  /**
   * Save or export bytes under a name the user confirms (desktop: a save dialog titled by the purpose, never
   * over a project; browser: a download). The suggested name's extension must be one its purpose allows.
   */
  saveFile(req: SaveFileRequest): Promise<Result<{ name: string } | null>>;
  /**
   * Saves a project: in place (atomically, keeping `.bak`) when `handle` is given, else where the user picks
   * (browser: a download). Returns the handle to save to next time. With `projectKey`, its autosave goes.
   */
  saveProject(req: SaveProjectRequest): Promise<Result<SavedProject | null>>;
  /** up to 10 project files opened or saved lately, newest first */
  listRecent(): Promise<Result<RecentFile[]>>;
  /** a vanished file fails with code 'not-found' and leaves the list */
  openRecent(handle: string): Promise<Result<OpenedFile>>;
  /** keeps a crash copy of the open project; call every AUTOSAVE_INTERVAL_MS with edits, and on close */
  autosave(req: AutosaveRequest): Promise<Result<{ modifiedMs: number }>>;
  /** the project was saved or closed without unsaved edits: its crash copy goes */
  discardAutosave(req: { projectKey: string }): Promise<Result<null>>;
  /** crash copies an earlier run (or tab) left behind, newest first: offer them on the start screen */
  listRecoverable(): Promise<Result<RecoverableProject[]>>;
  /** the bytes of a crash copy (read them with readProjectGpkg); the copy stays until discardRecovery */
  recover(id: string): Promise<Result<OpenedFile>>;
  discardRecovery(id: string): Promise<Result<null>>;
  /**
   * Registers what to do when the app or tab closes: autosave unsaved edits, then answer `clean: true` when
   * nothing is left unsaved (the session's crash copies are removed) or `false` to keep them for recovery.
   */
  onQuitRequested(handler: () => Promise<{ clean: boolean }>): void;
  confirm(req: ConfirmRequest): Promise<boolean>;
  appInfo(): Promise<AppInfo>;
  /** Desktop only: prints a self-contained report page to an A4 PDF and saves it where the user picks. */
  saveReportPdf?(req: SaveReportPdfRequest): Promise<Result<{ name: string } | null>>;
  /**
   * Asks for a roadmap folder (qcplan roadmap --out DIR; desktop: a folder dialog, browser: a folder picker whose
   * files stay in the page) and reads its roadmap.json. The handle reads only that folder's counties/<code>.gpkg.
   */
  openRoadmapFolder(req?: OpenRoadmapFolderRequest): Promise<Result<OpenedRoadmapFolder | null>>;
  /** The proposed plan of one county of an opened roadmap folder (counties/<code>.gpkg); 'not-found' without it. */
  openRoadmapCounty(req: OpenRoadmapCountyRequest): Promise<Result<OpenedFile>>;
}
