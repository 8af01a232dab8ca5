export * from './acts';
export * from './decide';
export * from './stock-event-act';
export * from './reversal-act';
export * from './pushed-workflow';
export * from './pushed-stock-event';
export * from './pushed-pending-item';
export * from './pushed-delivery';
