export * from './decodeText';
export * from './parseCsv';
export * from './jsonDepthOver';
