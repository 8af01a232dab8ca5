import { expect, it } from 'vitest';
import { RecallNoticeSchema } from '../../shared/model';
import { describeOnBackends } from './sync-helpers/backends';
import { call } from './sync-helpers/devices';

describeOnBackends('sync: OpenAPI 3.1 and docs, health and readiness', 'openapi', (server) => {
  it('serves an OpenAPI 3.1 document derived from the same schemas that validate requests', async () => {
    const answer = await call(server(), 'GET', '/v1/openapi.json', null);
    expect(answer.status).toBe(200);
    const doc = answer.body as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/replication/{collection}/pull',
      '/v1/replication/{collection}/push',
      '/v1/devices/enroll',
      '/v1/erp/events',
      '/v1/erp/recalls',
      '/v1/erp/webhooks',
      '/v1/erp/webhooks/{id}',
      '/v1/erp/webhooks/{id}/pause',
      '/v1/erp/webhooks/{id}/resume',
      '/v1/erp/webhooks/{id}/rotate-secret',
      '/v1/erp/dead-letters',
      '/v1/erp/dead-letters/{id}/replay',
      '/v1/erp/audit',
      '/v1/facilities/{id}/sync-health',
      '/fhir/R5/metadata',
      '/fhir/R5/SupplyRequest',
      '/fhir/R5/InventoryItem',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const recallBody = doc.paths['/v1/erp/recalls']!['post']!.requestBody!.content[
      'application/json'
    ]!.schema as { properties: Record<string, unknown> };
    expect(Object.keys(recallBody.properties).sort()).toEqual(
      Object.keys(RecallNoticeSchema.properties).sort(),
    );
  });

  it('has a readable docs page served locally, and health and readiness probes', async () => {
    const docs = await fetch(`${server().url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    expect(await call(server(), 'GET', '/healthz', null)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await call(server(), 'GET', '/readyz', null)).toEqual({
      status: 200,
      body: { status: 'ready' },
    });
  });
});
