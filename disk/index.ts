export * from './atomicWriteFile';
export * from './autosavePath';
export * from './writeAutosave';
export * from './findRecoverableAutosaves';
export * from './recoverAutosave';
export * from './resolveWriteTarget';
export * from './readInputFile';
export * from './checkOutputPath';
