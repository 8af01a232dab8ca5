export * from './relabel-label';
export * from './zpl';
