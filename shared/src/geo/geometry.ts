// The geo module's public surface; shared/src/index.ts re-exports this file only.
export * from './bbox';
export * from './clipping';
export * from './geodesic-area';
export * from './grid-index';
export * from './point-in-polygon';
export * from './ring';
export * from './types';
export * from './validate-polygon';
