export * from './auth';
export * from './identity';
export * from './programmes';
export * from './notify';
export * from './audit';
export * from './calls';
export * from './applications';
export * from './jobs';
