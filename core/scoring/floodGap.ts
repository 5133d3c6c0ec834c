import type { Gap, GapFix, ScoringState } from './scoringState';

/**
 * Labels the gap containing `seed` (a county cell missing its target, not yet labelled) with `id` by an
 * 8-connected flood fill over cells that miss their target, and returns its statistics. 8-connectivity: a
 * hole that continues through a cell corner (a diagonal terrain shadow) is one hole to a planner. Fix rule:
 * 'indoor' when every cell meets its target's outdoor thresholds; else 'micro' when the gap is at most
 * settings.microMaxAreaM2 and mostly urban (urbanShare >= 0.5); else 'macro'. Places affected are found
 * from the place index, so call it after the labels of overlapping gaps are final.
 * @example const gap = floodGap(state, seedCell, state.nextGapId++);
 */
export function floodGap(state: ScoringState, seed: number, id: number): Gap {
  const { prep, status, labels, stack } = state;
  const { inCounty, populationPerCell: pop, densityClass, targetIndex, targets } = prep;
  const { cols, rows, cellSizeM } = prep.grid;
  let top = 0;
  stack[top++] = seed;
  labels[seed] = id;
  let cellCount = 0;
  let people = 0;
  let weightedPeople = 0;
  let urbanPeople = 0;
  let urbanCells = 0;
  let outdoorMisses = 0;
  let sumCol = 0;
  let sumRow = 0;
  let col0 = cols;
  let row0 = rows;
  let col1 = -1;
  let row1 = -1;
  let firstCell = seed;
  while (top > 0) {
    const i = stack[--top];
    const col = i % cols;
    const row = (i - col) / cols;
    cellCount++;
    const p = pop[i];
    people += p;
    weightedPeople += p * targets[targetIndex[i]].weight;
    if (densityClass[i] === 2) { urbanPeople += p; urbanCells++; }
    if ((status[i] & 8) === 0) outdoorMisses++;
    sumCol += col;
    sumRow += row;
    if (col < col0) col0 = col;
    if (col > col1) col1 = col;
    if (row < row0) row0 = row;
    if (row > row1) row1 = row;
    if (i < firstCell) firstCell = i;
    for (let dr = -1; dr <= 1; dr++) {
      const r = row + dr;
      if (r < 0 || r >= rows) continue;
      for (let dc = -1; dc <= 1; dc++) {
        const c = col + dc;
        if (c < 0 || c >= cols) continue;
        const j = r * cols + c;
        if (labels[j] === 0 && inCounty[j] === 1 && (status[j] & 4) === 0) {
          labels[j] = id;
          stack[top++] = j;
        }
      }
    }
  }
  const areaM2 = cellCount * cellSizeM * cellSizeM;
  const urbanShare = people > 0 ? urbanPeople / people : urbanCells / cellCount;
  const isIndoorOnly = outdoorMisses === 0;
  const fix: GapFix = isIndoorOnly ? 'indoor' : areaM2 <= prep.settings.microMaxAreaM2 && urbanShare >= 0.5 ? 'micro' : 'macro';
  const { originXM, originYM } = prep.grid;
  const lonLat = prep.toLonLat([originXM + (sumCol / cellCount + 0.5) * cellSizeM, originYM - (sumRow / cellCount + 0.5) * cellSizeM]);
  const placeIds: string[] = [];
  for (const k of prep.placeIndex?.search(col0, row0, col1, row1) ?? []) {
    if (prep.placeCells[k].cells.some((c) => labels[c] === id)) placeIds.push(prep.places[k].id);
  }
  return {
    id,
    cellCount,
    areaM2,
    people,
    weightedPeople,
    urbanShare,
    isIndoorOnly,
    fix,
    centroidLonLat: [lonLat[0], lonLat[1]],
    bbox: [col0, row0, col1, row1],
    firstCell,
    placeIds,
  };
}
