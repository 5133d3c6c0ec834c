export * from './csvText';
export * from './huaweiCsv';
export * from './driveTestCsv';
