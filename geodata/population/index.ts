export * from './readPopulationGeoTiff';
