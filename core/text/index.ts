export * from './language';
export * from './rounding';
export * from './numbers';
export * from './catalogue';
export * from './formatter';
