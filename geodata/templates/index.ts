export * from './templateWorkbook';
export * from './siteTemplate';
export * from './placeTemplate';
