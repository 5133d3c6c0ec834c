export * from './planEvaluator';
