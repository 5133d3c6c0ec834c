import type { CliCommand } from '../command';
import { scoreCommand } from './score';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [scoreCommand];
