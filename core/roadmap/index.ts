export * from './roadmapTargets';
export * from './planCountyRoadmap';
export * from './roadmapIndex';
export * from './provinceRoadmap';
