export * from './measurement';
export * from './squareMap';
export * from './features';
export * from './fitRidge';
export * from './metrics';
export * from './model';
export * from './crossValidate';
