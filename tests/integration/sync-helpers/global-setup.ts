import { rmSync } from 'node:fs';
import { createPgliteTemplate, TEMPLATE_ENV } from './pglite-template';

export default async function setup(): Promise<() => void> {
  const dir = await createPgliteTemplate();
  process.env[TEMPLATE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
