import type { CliCommand } from '../command';
import { exportCommand } from './export';
import { importCommand } from './import';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [importCommand, exportCommand];
