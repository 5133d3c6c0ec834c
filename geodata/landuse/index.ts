export * from './landUseSchemes';
export * from './readLandUseLayer';
