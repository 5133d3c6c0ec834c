import { describe, expect, it } from 'vitest';
import type { GridLayer, TerrainDetails } from '../../../core/model';
import { countyByCode, newCountyProject } from '../../../geodata/counties';
import { populationLayerLabel, terrainLayerLabel } from '../../../geodata/defaults';
import { shippedDefaults } from '../shippedDefaults';

describe('layer labels', () => {
  it('says in Chinese and English what a new county rests on, and what the coarse terrain cannot show', async () => {
    const p = newCountyProject(countyByCode('520103')!, { cellSizeM: 100, defaults: await shippedDefaults() });
    const popZh = populationLayerLabel(p.population, 'zh');
    expect(popZh.label).toBe('人口：2020年七普常住人口 1,056,819 人，按 GPW v4.11 2020 分布（模型估算）');
    expect(popZh.detail).toMatch(/普查余数 [\d,]+ 人按到县城和核心区中心的距离分配给 1 个核心区/);
    expect(popZh.attribution).toMatch(/CC BY 4\.0/);
    expect(populationLayerLabel(p.population, 'en').label).toBe('Population: 2020 census 1,056,819, distributed by GPW v4.11 2020 (modelled)');
    const terrainZh = terrainLayerLabel(p.terrain, 'zh');
    expect(terrainZh.label).toMatch(/^地形：SRTM30_PLUS，约2\.\d公里分辨率（较粗）$/);
    expect(terrainZh.caveat).toMatch(/看不到约2公里以下的山谷和山脊/);
    expect(terrainZh.action).toMatch(/加载更精细的DEM/);
    expect(terrainLayerLabel(p.terrain, 'en').caveat).toMatch(/no shadowing by local hills/);
    expect(terrainLayerLabel(undefined, 'en').label).toBe('Terrain: none (flat ground)');
  });

  it('labels a layer without details (the sample, older projects) in the UI language, its recorded source in the detail', () => {
    const layer: GridLayer = { values: new Float32Array(1), provenance: 'modelled', source: '2020 census total 655300 (遵义市七普公报)' };
    expect(populationLayerLabel(layer, 'zh')).toEqual({ label: '人口：项目文件自带（来源见详情）', detail: '来源记录：2020 census total 655300 (遵义市七普公报)' });
    expect(populationLayerLabel(layer, 'en').label).toBe('Population: from the project file (source in the details)');
    expect(terrainLayerLabel(layer, 'zh').label).toBe('地形：项目文件自带（来源见详情）');
  });

  it('names the tiles, resolution and voids of a loaded DEM', () => {
    const details: TerrainDetails = {
      kind: 'terrain', method: 'loaded-tiles', resolutionM: 29, coarsestResolutionM: 88, minM: 1500, maxM: 2800,
      tiles: [{ name: 'N26E104.hgt', format: 'hgt', resolutionArcSec: 1, resolutionM: 29, cellsUsed: 10 }, { name: 'N26E103.hgt', format: 'hgt', resolutionArcSec: 3, resolutionM: 88, cellsUsed: 5 }],
      ignoredTiles: [{ name: 'N30E110.hgt', reason: 'does not reach the county' }],
      voids: { cellsInCounty: 300, areaKm2InCounty: 0.19, shareOfCounty: 0.02, cellsOutsideCounty: 0, method: 'x' },
    };
    const layer: GridLayer = { values: new Float32Array(1), provenance: 'file', source: 'DEM', details };
    const zh = terrainLayerLabel(layer, 'zh');
    expect(zh.label).toBe('地形：2 个DEM瓦片，约29–88米分辨率');
    expect(zh.detail).toBe('N26E104.hgt、N26E103.hgt，镶嵌后双线性重采样到网格。空洞 2.00%（0.19 平方公里）已填补。县内海拔 1500–2800 米。未使用：N30E110.hgt（不在县域内）。');
    expect(zh.caveat).toBe('县域 2.0% 的地形是填补的，不是实测。');
    expect(terrainLayerLabel(layer, 'en').label).toBe('Terrain: 2 DEM tiles, about 29–88 m');
  });
});
