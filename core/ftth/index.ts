export * from './ponTables';
export * from './splitSchemeLoss';
export * from './opticalBudget';
export * from './maxReach';
export * from './roadGraph';
export * from './roadDistances';
export * from './fibreDistances';
