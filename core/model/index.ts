export * from './site';
export * from './place';
export * from './coverage';
export * from './siteDefaults';
export * from './project';
export * from './siteLimits';
export * from './layerDetails';
