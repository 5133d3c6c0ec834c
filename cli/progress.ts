import type { CliIo } from './command';

/**
 * A progress reporter for stderr: "<label>: 42 %", at most one line per whole percent, and a final newline
 * from `done()`. Silenced with the rest of stderr by --quiet. The line stays open between updates: write
 * everything else through lineSafeIo, which ends it first.
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

/**
 * `io` with the progress line ended before anything else is printed: a stderr write that does not start with
 * '\r' (a progress update) and any stdout write first end an open progress line, so an error or a result never
 * lands glued to it ("scoring: 80 %qcplan score: ..."). main wraps every command's io in it.
 * @example const safe = lineSafeIo(io); progressReporter(safe, 'scoring').update(0.8); safe.stderr('failed\n') // "\rscoring: 80 %\nfailed\n"
 */
export function lineSafeIo(io: CliIo): CliIo {
  let isLineOpen = false;
  const endLine = () => {
    if (!isLineOpen) return;
    isLineOpen = false;
    io.stderr('\n');
  };
  return {
    ...io,
    stdout(text) {
      if (text) endLine();
      io.stdout(text);
    },
    stderr(text) {
      if (!text) return;
      // a progress update ('\r...') rewrites the line; text starting with a newline ends it itself
      if (!text.startsWith('\r') && !text.startsWith('\n')) endLine();
      io.stderr(text);
      isLineOpen = !text.endsWith('\n');
    },
  };
}
