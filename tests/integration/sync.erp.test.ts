import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent, supplyRequest } from './sync-helpers/documents';

type Events = { events: { cursor: number; event: { id: string } }[]; next: number };
type Page = { documents: Record<string, unknown>[] };

describeOnBackends('sync: the ERP API', 'erp', (server) => {
  it('events: every facility event in a stable order, resumable from the cursor', async () => {
    const key = await createApiKey(server(), ['events:read']);
    const start = ((await call(server(), 'GET', '/v1/erp/events?limit=1000', key)).body as Events)
      .next;
    const [north, south] = [await addStaffedFacility(server()), await addStaffedFacility(server())];
    const [dn, ds] = [await enrollDevice(server(), north), await enrollDevice(server(), south)];
    const pushed: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      for (const device of [dn, ds]) {
        const event = stockEvent(device);
        pushed.push(event.id);
        await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: event },
        ]);
      }
    }
    const seen: string[] = [];
    let after = start;
    for (;;) {
      const page = (await call(server(), 'GET', `/v1/erp/events?after=${after}&limit=4`, key))
        .body as Events;
      if (page.events.length === 0) break;
      seen.push(...page.events.map((e) => e.event.id));
      after = page.next;
    }
    expect(seen).toEqual(pushed);
    expect((await call(server(), 'GET', '/v1/erp/events?limit=1001', key)).status).toBe(400);
  });

  it('recalls: validated, and reach every facility on its next pull', async () => {
    const key = await createApiKey(server(), ['recalls:write']);
    const devices = [
      await enrollDevice(server(), await addStaffedFacility(server())),
      await enrollDevice(server(), await addStaffedFacility(server())),
    ];
    const recall = { ...SAMPLE_DOCUMENTS.recall_notices, id: uniqueId('RCL') };
    const bad = await call(server(), 'POST', '/v1/erp/recalls', key, { ...recall, class: 'IV' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      'class',
    );
    expect((await call(server(), 'POST', '/v1/erp/recalls', key, recall)).status).toBe(201);
    for (const device of devices) {
      const page = (
        await call(server(), 'GET', '/v1/replication/recall_notices/pull?limit=1000', device.token)
      ).body as Page;
      expect(page.documents.find((d) => d['id'] === recall.id)).toEqual({
        ...recall,
        _deleted: false,
      });
    }
  });

  it('items, locations and par levels: bulk upserts that are idempotent and checked', async () => {
    const key = await createApiKey(server(), [
      'items:write',
      'locations:write',
      'par-levels:write',
    ]);
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    // Each its own product codes: a label names one item (PRODUCT_CODE_TAKEN otherwise).
    const items = [1, 2, 3].map(() => ({
      ...SAMPLE_DOCUMENTS.items,
      id: uniqueId('ITM'),
      gtins: [],
      hibccCodes: [],
    }));
    expect((await call(server(), 'PUT', '/v1/erp/items', key, items)).body).toEqual({
      written: 3,
      unchanged: 0,
    });
    expect((await call(server(), 'PUT', '/v1/erp/items', key, items)).body).toEqual({
      written: 0,
      unchanged: 3,
    });
    const renamed = [{ ...items[0]!, name: 'Renamed' }, ...items.slice(1)];
    expect((await call(server(), 'PUT', '/v1/erp/items', key, renamed)).body).toEqual({
      written: 1,
      unchanged: 2,
    });
    const location = { ...SAMPLE_DOCUMENTS.locations, id: uniqueId('LOC'), facilityId: facility };
    expect((await call(server(), 'PUT', '/v1/erp/locations', key, [location])).status).toBe(200);
    const orphan = { ...location, id: uniqueId('LOC'), facilityId: 'FAC-NOWHERE' };
    expect((await call(server(), 'PUT', '/v1/erp/locations', key, [orphan])).body).toMatchObject({
      code: 'FACILITY_UNKNOWN',
    });
    const par = {
      ...SAMPLE_DOCUMENTS.par_levels,
      id: uniqueId('PAR'),
      facilityId: facility,
      locationId: location.id,
      itemId: items[0]!.id,
    };
    const badPar = await call(server(), 'PUT', '/v1/erp/par-levels', key, [
      par,
      { ...par, id: uniqueId('PAR'), method: 'guess' },
    ]);
    expect(badPar.status).toBe(422);
    expect((badPar.body as { errors: { field: string }[] }).errors[0]!.field).toBe('[1].method');
    expect((await call(server(), 'PUT', '/v1/erp/par-levels', key, [par])).body).toEqual({
      written: 1,
      unchanged: 0,
    });
    const pulled = (
      await call(server(), 'GET', '/v1/replication/par_levels/pull?limit=1000', device.token)
    ).body as Page;
    expect(pulled.documents.map((d) => d['id'])).toEqual([par.id]);
  });

  it('request status: moved along the state machine by a named ERP user; an invalid step is 409 with the reason', async () => {
    const key = await createApiKey(server(), ['requests:write']);
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const request = supplyRequest(facility);
    await call(server(), 'POST', '/v1/replication/supply_requests/push', device.token, [
      { newDocumentState: request },
    ]);
    const acknowledged = await call(
      server(),
      'POST',
      `/v1/erp/requests/${request.id}/status`,
      key,
      {
        status: 'acknowledged',
        by: 'buyer.jones',
        at: '2026-11-02T09:50:00Z',
      },
    );
    expect(acknowledged.status).toBe(200);
    const approved = await call(server(), 'POST', `/v1/erp/requests/${request.id}/status`, key, {
      status: 'approved',
      by: 'buyer.jones',
      at: '2026-11-02T10:00:00Z',
    });
    expect(approved.status).toBe(200);
    const page = (
      await call(server(), 'GET', '/v1/replication/supply_requests/pull?limit=1000', device.token)
    ).body as Page;
    const pulled = page.documents.find((d) => d['id'] === request.id)!;
    expect(pulled['status']).toBe('approved');
    expect(pulled['history']).toContainEqual(
      expect.objectContaining({
        status: 'approved',
        at: '2026-11-02T10:00:00Z',
        by: expect.stringMatching(/^erp:.+:buyer\.jones$/),
        level: 1,
        policyVersion: 0,
      }),
    );
    const invalid = await call(server(), 'POST', `/v1/erp/requests/${request.id}/status`, key, {
      status: 'shipped',
      by: 'buyer.jones',
    });
    expect(invalid.status).toBe(409);
    expect(invalid.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('approved'),
    });
    expect(
      (
        await call(server(), 'POST', '/v1/erp/requests/REQ-none/status', key, {
          status: 'approved',
          by: 'buyer.jones',
        })
      ).status,
    ).toBe(404);
  });

  it('audit: every write is logged with who, what, from where and outcome; the log refuses edits', async () => {
    const writer = await createApiKey(server(), ['recalls:write']);
    const auditor = await createApiKey(server(), ['audit:read']);
    const recall = { ...SAMPLE_DOCUMENTS.recall_notices, id: uniqueId('RCL') };
    await call(server(), 'POST', '/v1/erp/recalls', writer, recall);
    await call(server(), 'POST', '/v1/erp/recalls', auditor, recall);
    const action = encodeURIComponent('POST /v1/erp/recalls');
    const log = await call(server(), 'GET', `/v1/erp/audit?action=${action}&limit=1000`, auditor);
    const entries = (log.body as { entries: Record<string, unknown>[] }).entries.filter(
      (e) =>
        (e['detail'] as { recallNoticeId?: string; error?: string } | null)?.recallNoticeId ===
          recall.id || (e['detail'] as { error?: string } | null)?.error === 'SCOPE_MISSING',
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorType: 'api-key',
          outcome: 'accepted',
          status: 201,
          ip: '127.0.0.1',
        }),
        expect.objectContaining({ actorType: 'api-key', outcome: 'refused', status: 403 }),
      ]),
    );
    await expect(
      sql`update audit_log set outcome = 'accepted'`.execute(server().database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(server().database.db)).rejects.toThrow(
      /append-only/,
    );
  });
});
