import type { CliCommand } from '../command';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [];
