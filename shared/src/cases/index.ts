export * from './case-api.schema';
export * from './case-decide';
export * from './case-export.schema';
export * from './case-machine';
export * from './case-projection';
export * from './case-states';
export * from './category.schema';
export * from './inbox.schema';
