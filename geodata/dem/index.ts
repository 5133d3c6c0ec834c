export * from './readDemGeoTiff';
export * from './readHgt';
