export * from './relabel-label';
export * from './zpl';
export * from './printer-address';
