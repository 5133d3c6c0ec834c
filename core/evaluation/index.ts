export * from './planEvaluator';
export * from './planWorkerApi';
