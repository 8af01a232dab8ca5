import { expect } from 'vitest';
import { r5SchemaErrors } from '../../fixtures/fhir/r5-schema';
import type { TestServer } from './server';

/**
 * GET under /fhir/R5 (or a full next-link URL). Every answer, page or refusal, is checked against
 * the official R5 schema before the test sees it.
 */
export async function fhirGet(server: TestServer, path: string, key: string | null) {
  const response = await fetch(path.startsWith('http') ? path : `${server.url}/fhir/R5${path}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const body = (await response.json()) as Record<string, unknown>;
  expect(r5SchemaErrors(body), JSON.stringify(body).slice(0, 500)).toEqual([]);
  return { status: response.status, type: response.headers.get('content-type'), body };
}
