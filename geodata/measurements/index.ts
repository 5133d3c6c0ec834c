export * from './huaweiCsv';
export * from './driveTestCsv';
