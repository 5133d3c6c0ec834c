import { PLC_SPLITTER_LOSS_DB, SCHEME_STAGES, type SplitScheme } from './ponTables';

/**
 * Total splitter insertion loss of a splitting scheme, dB: the sum of its PLC stages
 * (ftth.md §1 loss table). Also gives the total split ratio (ONUs per PON port).
 * @example splitSchemeLoss('1:4x1:16') // { lossDb: 20.8, splitRatio: 64 }
 */
export function splitSchemeLoss(scheme: SplitScheme): { lossDb: number; splitRatio: number } {
  const stages = SCHEME_STAGES[scheme];
  if (!stages) throw new RangeError(`scheme must be one of ${Object.keys(SCHEME_STAGES).join(', ')}, got ${scheme}`);
  let lossDb = 0;
  let splitRatio = 1;
  for (const ratio of stages) {
    lossDb += PLC_SPLITTER_LOSS_DB[ratio];
    splitRatio *= ratio;
  }
  return { lossDb, splitRatio };
}
