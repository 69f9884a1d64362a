export * from './case-contribution';
export * from './figures';
export * from './rankings';
export * from './stats.schema';
export * from './stats-export.schema';
export * from './stats-window';
