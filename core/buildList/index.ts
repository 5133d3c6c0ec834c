export * from './unitCosts';
export * from './buildListRows';
export * from './fibreUpgradesForBuildList';
export * from './buildListWordId';
