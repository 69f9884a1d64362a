export * from './api/auth.schema';
export * from './api/config.schema';
export * from './api/errors.schema';
export * from './api/grids.schema';
export * from './api/health.schema';
export * from './api/staff.schema';
export * from './geo/geometry';
export * from './phone';
