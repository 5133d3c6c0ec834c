export * from './projectFileSchema';
export * from './sectorWedge';
export * from './rasterCodec';
export * from './writeProjectGpkg';
export * from './projectTables';
export * from './readProjectGpkg';
export * from './isProjectGpkg';
export * from './projectExtrasMeta';
