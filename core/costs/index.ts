export * from './costTable';
export * from './costTableFromSettings';
export * from './siteCostCny';
