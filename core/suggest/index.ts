export * from './types';
export * from './coverageFromRsrpWindow';
export * from './demandPerCell';
export * from './optimiseCoverage';
export * from './rankSelection';
export * from './solveMaxCoverageExact';
export * from './suggestSites';
