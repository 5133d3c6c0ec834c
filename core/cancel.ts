/**
 * Cancellation and progress for long loops. An `AbortSignal` satisfies `CancelToken`, so callers in the
 * browser or Node can pass `controller.signal` directly.
 */
export interface CancelToken {
  readonly aborted: boolean;
}

/** Called with a fraction in [0, 1], at most once per row or per unit of work. */
export type ProgressFn = (fraction: number) => void;

/** Thrown (or returned as a Result code) when a CancelToken was aborted mid-run. */
export class CancelledError extends Error {
  readonly code = 'cancelled';
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** Throws CancelledError when `cancel` is aborted; call once per row, never per cell. */
export function throwIfCancelled(cancel: CancelToken | undefined): void {
  if (cancel?.aborted) throw new CancelledError();
}
