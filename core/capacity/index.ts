export * from './capacitySettings';
export * from './busyHourMbpsPerResident';
export * from './prepareCapacity';
export * from './capacityState';
export * from './capacityReport';
export * from './loadRaster';
export * from './siteLayers';
