export * from './readDemGeoTiff';
export * from './readHgt';
export * from './loadDemTiles';
