export * from './relabel-label';
export * from './zpl';
export * from './printer-address';
export * from './symbol-options';
