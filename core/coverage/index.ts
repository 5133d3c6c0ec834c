export * from './coverageContext';
export * from './cellWindow';
export * from './unionWindows';
export * from './siteRadio';
export * from './sweepTerrainLoss';
export * from './profileTerrainLoss';
export * from './predictSiteFootprint';
export * from './coverageEngine';
