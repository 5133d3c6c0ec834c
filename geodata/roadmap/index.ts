export * from './readRoadmapIndex';
