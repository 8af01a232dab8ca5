export * from './owner-merge';
