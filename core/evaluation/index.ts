export * from './planEvaluator';
export * from './planWorkerApi';
export * from './fibreKpiInput';
export * from './coverageBasis';
