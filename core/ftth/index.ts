export * from './ponTables';
export * from './splitSchemeLoss';
export * from './opticalBudget';
export * from './maxReach';
