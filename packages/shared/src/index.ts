export * from './values.ts';
export * from './problems.ts';
export * from './users.ts';
export * from './groups.ts';
export * from './session.ts';
export * from './invitations.ts';
export * from './audit.ts';
export * from './service.ts';
