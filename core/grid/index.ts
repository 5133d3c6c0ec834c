export * from './gridSpec';
export * from './geoRaster';
export * from './resampleBilinear';
export * from './resampleMassPreserving';
export * from './polygonMask';
