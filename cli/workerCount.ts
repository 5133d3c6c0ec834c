import { availableParallelism } from 'node:os';
import { UsageError, type CliIo } from './command';

/**
 * The worker threads a command may start from its --workers value: undefined when not given (the command's
 * default), a UsageError for anything but a whole number >= 0, and at most the cores this machine offers
 * (os.availableParallelism): each worker holds its own copy of the grids and footprints, so --workers 1000
 * took 4 GB before doing anything (issue 21). A capped value is said on stderr.
 * @example const workers = workerCount(values.workers, io); // '8' on a 2-core machine -> 2, with a message
 */
export function workerCount(value: string | undefined, io: CliIo, cores: number = availableParallelism()): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--workers must be a whole number >= 0, got ${value}`);
  if (n <= cores) return n;
  io.stderr(`--workers ${n}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} workers\n`);
  return cores;
}
