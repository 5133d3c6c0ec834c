export * from './gridSpec';
