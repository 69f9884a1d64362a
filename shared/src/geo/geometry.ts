// The geo module's public surface; shared/src/index.ts re-exports this file only.
export * from './bbox';
export * from './clipping';
export * from './geodesic-area';
export * from './grid-import';
export * from './grid-index';
export * from './merge';
export * from './point-in-polygon';
export * from './ring';
export * from './self-intersection';
export * from './split';
export * from './types';
export * from './validate-polygon';
