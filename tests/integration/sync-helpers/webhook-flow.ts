import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import { call, createApiKey, uniqueId } from './devices';
import type { TestServer } from './server';
import { waitFor } from './wait';

/** An item written through the ERP API: an `item.changed` message that no push rule can refuse. */
export async function changeItem(server: TestServer): Promise<string> {
  const key = await createApiKey(server, ['items:write']);
  const id = uniqueId('ITM');
  const written = await call(server, 'PUT', '/v1/erp/items', key, [
    // No product codes: each item a label of its own would need codes no other item holds.
    { ...SAMPLE_DOCUMENTS.items, id, gtins: [], hibccCodes: [] },
  ]);
  if (written.status !== 200) throw new Error(`item upsert answered ${written.status}`);
  return id;
}

export interface DeadLetter {
  id: number;
  webhookId: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

export async function deadLetters(server: TestServer, key: string): Promise<DeadLetter[]> {
  const answer = await call(server, 'GET', '/v1/erp/dead-letters', key);
  return (answer.body as { deadLetters: DeadLetter[] }).deadLetters;
}

export function deadLetterOf(
  server: TestServer,
  key: string,
  webhookId: string,
  timeoutMs = 15_000,
): Promise<DeadLetter> {
  return waitFor(
    async () => (await deadLetters(server, key)).find((d) => d.webhookId === webhookId),
    timeoutMs,
  );
}

export async function registerWebhook(
  server: TestServer,
  key: string,
  url: string,
  eventTypes: string[] = ['item.changed'],
): Promise<{ id: string; secret: string; eventTypes: string[] }> {
  const answer = await call(server, 'POST', '/v1/erp/webhooks', key, { url, eventTypes });
  if (answer.status !== 201) {
    throw new Error(`registering ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body as { id: string; secret: string; eventTypes: string[] };
}
