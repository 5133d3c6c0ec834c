export * from './readGeoTiffRaster';
