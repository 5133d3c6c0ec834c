export * from './types';
export * from './sqlJs';
export * from './encodeGpkgGeometry';
export * from './decodeGpkgGeometry';
export * from './writeGpkg';
export * from './openGpkgDatabase';
export * from './readGpkgContent';
export * from './readGpkg';
