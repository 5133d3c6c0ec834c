import type { CliIo } from './command';

/**
 * A progress reporter for stderr: "<label>: 42 %", at most one line per whole percent, and a final newline
 * from `done()`. Silenced with the rest of stderr by --quiet.
 */
export function progressReporter(io: CliIo, label: string): { update(fraction: number): void; done(): void } {
  let last = -1;
  return {
    update(fraction) {
      const pct = Math.floor(Math.min(1, Math.max(0, fraction)) * 100);
      if (pct === last) return;
      last = pct;
      io.stderr(`\r${label}: ${pct} %`);
    },
    done() {
      if (last >= 0) io.stderr('\n');
    },
  };
}
