import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/**
 * Writes a generated file as `npm run format` would leave it, so that a bench run never turns
 * `npm run format:check` (and with it CI) red: the README table and the JSON report included.
 */
export async function writeFormatted(path: string, text: string): Promise<void> {
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(text, { ...options, filepath: path }));
}
