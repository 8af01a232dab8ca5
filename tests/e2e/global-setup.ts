import { ensureChromium } from '../browser/this-machine';

/** Before any spec: the browser is found or got, or the run stops with what to install. */
export default async function globalSetup(): Promise<void> {
  await ensureChromium();
}
