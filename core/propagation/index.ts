export * from './landUse';
export * from './clutterLoss';
export * from './propagationModel';
export * from './linkLoss';
export * from './locationProbability';
export * from './defaultModel';
