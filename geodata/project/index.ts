export * from './projectFileSchema';
export * from './sectorWedge';
export * from './writeProjectGpkg';
export * from './readProjectGpkg';
