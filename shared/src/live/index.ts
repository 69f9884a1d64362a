export * from './live.schema';
