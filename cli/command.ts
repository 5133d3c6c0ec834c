import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * One qcplan subcommand. Each lives in cli/commands/<name>.ts and is listed in cli/commands/index.ts.
 * Exit codes scripts can rely on: 0 ok, 1 failed, 2 bad usage.
 */
export interface CliIo {
  stdout: (text: string) => void;
  /** progress and diagnostics; silenced by --quiet */
  stderr: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** one line for `qcplan --help` */
  summary: string;
  /** full help text for `qcplan <name> --help` */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Raised by a command for bad arguments; main prints the message and the command's usage, exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * node:util parseArgs with its own errors (an unknown option, a missing value) turned into UsageError, so
 * every command answers bad options with exit code 2 and its usage.
 * @example const { values, positionals } = parseCliArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
