export * from './modelPopulation';
export * from './rasterPopulationLayer';
