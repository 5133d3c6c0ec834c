import type { CliCommand } from '../command';
import { calibrateCommand } from './calibrate';
import { predictCommand } from './predict';
import { scoreCommand } from './score';

/** Every qcplan subcommand, in the order `qcplan --help` lists them. */
export const commands: CliCommand[] = [scoreCommand, calibrateCommand, predictCommand];
