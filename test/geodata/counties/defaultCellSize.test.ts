import { describe, expect, it } from 'vitest';
import { countyByCode, countyGrid, DEFAULT_MAX_GRID_CELLS, defaultCellSizeM, GUIZHOU_COUNTIES } from '../../../geodata/counties';

describe('defaultCellSizeM (the app and qcplan new)', () => {
  it('gives 25 m where the county fits in the cell budget, else the finest coarser size that does', () => {
    expect(defaultCellSizeM(countyByCode('520382')!)).toMatchObject({ cellSizeM: 25, isCoarsened: false }); // 仁怀市, the sample
    expect(defaultCellSizeM(countyByCode('520526')!)).toMatchObject({ cellSizeM: 50, isCoarsened: true }); // 威宁, the largest
    for (const county of GUIZHOU_COUNTIES) {
      const { cellSizeM, cells } = defaultCellSizeM(county);
      const g = countyGrid(county, cellSizeM);
      expect(cells).toBe(g.cols * g.rows);
      expect(cells, county.name).toBeLessThanOrEqual(DEFAULT_MAX_GRID_CELLS);
      if (cellSizeM > 25) expect(countyGrid(county, 25).cols * countyGrid(county, 25).rows, county.name).toBeGreaterThan(DEFAULT_MAX_GRID_CELLS);
    }
  });
});
