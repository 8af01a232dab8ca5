import { ensureChromium } from './this-machine';

/** Vitest runs this only when a browser test is in the run (the "browser" project in vitest.config.ts). */
export default async function setup(): Promise<void> {
  await ensureChromium();
}
