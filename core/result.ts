/**
 * Expected failures across worker and IPC boundaries are values, not exceptions (STYLE.md section 7).
 * `code` is a stable machine word ('bad-file', 'cancelled', 'not-found', ...); `message` is for people (English).
 * `reason`, when present, is the same failure as a code and its figures, which the formatter (core/text) words in
 * the reader's language.
 */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; code: string; message: string; reason?: { code: string; params?: Record<string, string | number> } };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, reason?: { code: string; params?: Record<string, string | number> }): Result<T> {
  return reason ? { ok: false, code, message, reason } : { ok: false, code, message };
}
