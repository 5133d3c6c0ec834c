export * from './modelPopulation';
