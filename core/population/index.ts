export * from './modelPopulation';
export * from './rasterPopulationLayer';
export * from './censusRasterPopulation';
export * from './correctTotal';
