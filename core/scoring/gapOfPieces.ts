import type { Gap, GapFix, ScoringPrep, TilePiece } from './scoringState';

/**
 * A gap's sums from the tile pieces it is made of, with its recommended fix: 'indoor' when every cell meets
 * its target's outdoor thresholds (it misses only indoors); else 'optimise' when most of its outdoor misses
 * have the signal (RSRP meets the target) and lack only the SINR: overlapping cells interfere there, and another
 * site adds interference as much as signal, so tilts, azimuths or power are the fix; else 'micro' when it is at
 * most settings.microMaxAreaM2 and mostly urban (urbanShare >= 0.5); else 'macro'. `id` is the caller's (the
 * smallest cell index of the region or piece).
 * @example gapOfPieces(state.prep, firstCell, group)
 */
export function gapOfPieces(prep: ScoringPrep, id: number, group: readonly TilePiece[]): Gap {
  let cellCount = 0, people = 0, weightedPeople = 0, urbanPeople = 0, urbanCells = 0, outdoorMisses = 0, interferenceMisses = 0, noServiceCells = 0, sumCol = 0, sumRow = 0;
  let col0 = Infinity, row0 = Infinity, col1 = -1, row1 = -1;
  const ks = new Set<number>();
  for (const p of group) {
    cellCount += p.cellCount;
    people += p.people;
    weightedPeople += p.weightedPeople;
    urbanPeople += p.urbanPeople;
    urbanCells += p.urbanCells;
    outdoorMisses += p.outdoorMisses;
    interferenceMisses += p.interferenceMisses;
    noServiceCells += p.noServiceCells;
    sumCol += p.sumCol;
    sumRow += p.sumRow;
    col0 = Math.min(col0, p.col0);
    row0 = Math.min(row0, p.row0);
    col1 = Math.max(col1, p.col1);
    row1 = Math.max(row1, p.row1);
    for (const k of p.placeKs) ks.add(k);
  }
  const { cellSizeM, originXM, originYM } = prep.grid;
  const areaM2 = cellCount * cellSizeM * cellSizeM;
  const urbanShare = people > 0 ? urbanPeople / people : urbanCells / cellCount;
  const isIndoorOnly = outdoorMisses === 0;
  const fix: GapFix = isIndoorOnly
    ? 'indoor'
    : interferenceMisses * 2 > outdoorMisses
      ? 'optimise'
      : areaM2 <= prep.settings.microMaxAreaM2 && urbanShare >= 0.5 ? 'micro' : 'macro';
  const ll = prep.toLonLat([originXM + (sumCol / cellCount + 0.5) * cellSizeM, originYM - (sumRow / cellCount + 0.5) * cellSizeM]);
  return {
    id,
    cellCount,
    areaM2,
    people,
    weightedPeople,
    urbanShare,
    isIndoorOnly,
    fix,
    centroidLonLat: [ll[0], ll[1]],
    bbox: [col0, row0, col1, row1],
    placeIds: [...ks].sort((a, b) => a - b).map((k) => prep.places[k].id),
    noServiceCells,
  };
}
