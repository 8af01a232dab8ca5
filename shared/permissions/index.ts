export * from './acts';
export * from './decide';
export * from './stock-event-act';
export * from './pushed-workflow';
