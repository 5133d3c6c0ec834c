export * from './histogram';
export * from './pearson';
