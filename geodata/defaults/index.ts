export * from './shippedData';
export * from './readShippedRasters';
export * from './defaultPopulationLayer';
export * from './coarseTerrainLayer';
export * from './layerLabels';
