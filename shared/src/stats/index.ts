export * from './stats.schema';
