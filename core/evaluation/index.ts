export * from './planEvaluator';
export * from './planCapacity';
export * from './planWorkerApi';
export * from './fibreKpiInput';
export * from './coverageBasis';
