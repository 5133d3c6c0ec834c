import { z } from 'zod';
import { channels, type Channel } from './channels';
import {
  PURPOSE_EXTENSIONS,
  ROADMAP_COUNTY_CODE,
  type OpenRoadmapCountyRequest,
  type OpenRoadmapFolderRequest,
  type AutosaveRequest,
  type ConfirmRequest,
  type OpenFileRequest,
  type OpenPurpose,
  type SaveFileRequest,
  type SavePurpose,
  type SaveProjectRequest,
  type SaveReportPdfRequest,
} from '../../contract/hostApi';

/** 512 MiB: the largest file the renderer may hand to main in one save. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

const OPEN_PURPOSES = ['open-project', 'import-sites', 'import-places', 'import-olts', 'open-base-map', 'import-drive-test', 'load-dem'] as const satisfies readonly OpenPurpose[];
const SAVE_PURPOSES = ['export-build-list', 'export-import-problems', 'save-report-html', 'save-import-template'] as const satisfies readonly SavePurpose[];
const language = z.enum(['zh', 'en']).optional();

// The renderer names a purpose only: main owns every dialog's title and file types (issue 21).
const openFileRequest = z.strictObject({ purpose: z.enum(OPEN_PURPOSES), language });

// A bare file name: main only offers it as the dialog's default, never writes to a path from the renderer.
const bareFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..', 'must be a bare file name');

const fileBytes = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large');

// Handles and recovery ids are crypto.randomUUID() tokens main issued; anything else is refused unread.
const token = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a handle');

const projectKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'projectKey: 1-64 letters, digits, _ or -');

const saveFileRequest = z
  .strictObject({ purpose: z.enum(SAVE_PURPOSES), language, suggestedName: bareFileName, bytes: fileBytes })
  .refine((r) => PURPOSE_EXTENSIONS[r.purpose].includes(/\.([A-Za-z0-9]+)$/.exec(r.suggestedName)?.[1]?.toLowerCase() ?? ''), {
    message: 'suggestedName must end in an extension its purpose allows',
  });

const saveProjectRequest = z.strictObject({
  handle: token.optional(),
  suggestedName: bareFileName,
  bytes: fileBytes,
  projectKey: projectKey.optional(),
});

const autosaveRequest = z.strictObject({
  projectKey,
  bytes: fileBytes,
  handle: token.optional(),
  // Shown in the recovery list only; control characters are refused so it cannot garble a log line.
  name: z.string().max(200).regex(/^[^\p{Cc}]*$/u, 'no control characters').optional(),
});

/** 64 Mi UTF-16 units: a county report with its inline map image is a few MB; more is not a report. */
export const MAX_REPORT_HTML_CHARS = 64 * 1024 * 1024;

const saveReportPdfRequest = z.strictObject({
  language,
  suggestedName: bareFileName.refine((s) => /\.pdf$/i.test(s), 'must end in .pdf'),
  html: z.string().min(1).max(MAX_REPORT_HTML_CHARS, 'report HTML too large'),
});

const openRoadmapFolderRequest = z.strictObject({ language });
// the folder's token and a county code: main joins counties/<code>.gpkg to the folder itself, never a path from here
const openRoadmapCountyRequest = z.strictObject({ handle: token, code: z.string().regex(ROADMAP_COUNTY_CODE, 'code: a 6-digit county code') });

const confirmRequest = z.strictObject({
  title: z.string().max(200),
  message: z.string().max(2000),
  okLabel: z.string().min(1).max(50),
  cancelLabel: z.string().min(1).max(50),
});

/** Argument parsers, one per channel: main runs them before any handler sees the arguments; they throw on a bad shape. */
export const parsers = {
  [channels.openFile]: (x: unknown): OpenFileRequest => openFileRequest.parse(x),
  [channels.saveFile]: (x: unknown): SaveFileRequest => saveFileRequest.parse(x),
  [channels.confirm]: (x: unknown): ConfirmRequest => confirmRequest.parse(x),
  [channels.appInfo]: (x: unknown): undefined => z.undefined().parse(x),
  [channels.saveProject]: (x: unknown): SaveProjectRequest => saveProjectRequest.parse(x),
  [channels.listRecent]: (x: unknown): undefined => z.undefined().parse(x),
  [channels.openRecent]: (x: unknown): string => token.parse(x),
  [channels.autosave]: (x: unknown): AutosaveRequest => autosaveRequest.parse(x),
  [channels.discardAutosave]: (x: unknown): { projectKey: string } => z.strictObject({ projectKey }).parse(x),
  [channels.listRecoverable]: (x: unknown): undefined => z.undefined().parse(x),
  [channels.recover]: (x: unknown): string => token.parse(x),
  [channels.discardRecovery]: (x: unknown): string => token.parse(x),
  [channels.quitReady]: (x: unknown): { clean: boolean } => z.strictObject({ clean: z.boolean() }).parse(x),
  [channels.quitSubscribe]: (x: unknown): undefined => z.undefined().parse(x),
  [channels.saveReportPdf]: (x: unknown): SaveReportPdfRequest => saveReportPdfRequest.parse(x),
  [channels.openRoadmapFolder]: (x: unknown): OpenRoadmapFolderRequest => openRoadmapFolderRequest.parse(x),
  [channels.openRoadmapCounty]: (x: unknown): OpenRoadmapCountyRequest => openRoadmapCountyRequest.parse(x),
} satisfies Record<Channel, (x: unknown) => unknown>;
