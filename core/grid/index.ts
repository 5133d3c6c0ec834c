export * from './gridSpec';
export * from './geoRaster';
export * from './assertResampleInputs';
export * from './resampleBilinear';
export * from './resampleMassPreserving';
export * from './polygonMask';
export * from './resampleNearest';
