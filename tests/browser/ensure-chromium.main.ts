import { ensureChromium } from './this-machine';

// `npm test` runs this first, so a machine without a browser learns it before any suite starts.
await ensureChromium();
