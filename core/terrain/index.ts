export * from './syntheticKarstTerrain';
