/**
 * Expected failures across worker and IPC boundaries are values, not exceptions (STYLE.md section 7).
 * `code` is a stable machine word ('bad-file', 'cancelled', 'not-found', ...); `message` is for people.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, code, message };
}
