import { z } from 'zod';
import { channels, type Channel, type ConfirmRequest, type OpenFileRequest, type SaveFileRequest } from './contract';

/** 512 MiB: the largest file the renderer may hand to main in one save. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

const fileFilter = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).min(1).max(20),
});

const openFileRequest = z.strictObject({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilter).max(20),
});

const saveFileRequest = z.strictObject({
  title: z.string().max(200).optional(),
  // A bare file name: main only offers it as the dialog's default, never writes to a path from the renderer.
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..', 'must be a bare file name'),
  filters: z.array(fileFilter).max(20),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
});

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
} satisfies Record<Channel, (x: unknown) => unknown>;
