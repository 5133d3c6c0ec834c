import type { CliCommand } from '../command';
import { calibrateCommand } from './calibrate';
import { predictCommand } from './predict';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [calibrateCommand, predictCommand];
