export * from './site';
export * from './place';
