export * from './projectFileSchema';
export * from './sectorWedge';
export * from './rasterCodec';
export * from './writeProjectGpkg';
export * from './readProjectGpkg';
export * from './propagationModelTable';
