export * from './buildListRow';
export * from './buildListRows';
export * from './buildListCostSources';
