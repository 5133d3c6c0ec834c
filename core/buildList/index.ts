export * from './unitCosts';
export * from './buildListRows';
