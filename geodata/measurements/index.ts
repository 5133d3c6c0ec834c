export * from './huaweiCsv';
export * from './driveTestCsv';
export * from './readDriveTestFile';
