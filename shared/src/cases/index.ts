export * from './case-api.schema';
export * from './case-decide';
export * from './case-machine';
export * from './case-projection';
export * from './case-states';
export * from './category.schema';
