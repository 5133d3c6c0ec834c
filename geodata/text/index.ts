export * from './decodeText';
export * from './parseCsv';
