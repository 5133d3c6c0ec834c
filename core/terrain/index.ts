export * from './syntheticKarstTerrain';
export * from './demTerrainLayer';
