import { expect, it } from 'vitest';
import { facilitySummary, type FacilitySummary } from '../../shared/indicators';
import type { RequestStatus, StockEvent, SupplyRequest } from '../../shared/model';
import { transition, type TransitionStamp } from '../../shared/replenishment/request-status';
import { writeDocument } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, uniqueId } from './sync-helpers/devices';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';

/** Issue 16: the network's indicators at the centre read exactly what the dashboard's functions say. */
describeOnBackends('indicators: the network, per facility', 'indicators', (server) => {
  it('the ERP reads each facility’s figures over a period, equal to the shared functions over the same records', async () => {
    const facility = await addStaffedFacility(server());
    const counts: StockEvent[] = [
      stockEvent(facility, {
        id: uniqueId('EVT'),
        type: 'count',
        occurredAt: '2026-11-10T03:00:00Z',
        quantity: 100,
        countedQuantity: 100,
        expectedQuantity: 100,
      }),
      stockEvent(facility, {
        id: uniqueId('EVT'),
        type: 'count',
        occurredAt: '2026-11-11T03:00:00Z',
        quantity: 50,
        countedQuantity: 50,
        expectedQuantity: 100,
      }),
      // Outside the period: not counted.
      stockEvent(facility, {
        id: uniqueId('EVT'),
        type: 'count',
        occurredAt: '2026-09-01T03:00:00Z',
        quantity: 1,
        countedQuantity: 1,
        expectedQuantity: 100,
      }),
    ];
    let request: SupplyRequest = supplyRequest(facility, {
      status: 'submitted',
      lines: [{ itemId: 'ITM-1001', quantity: 10 }],
    });
    const steps: [RequestStatus, Omit<TransitionStamp, 'at'>][] = [
      ['acknowledged', { by: 'erp:k:b', approval: { policyVersion: 0, levels: 0 } }],
      ['ordered', { by: 'erp:k:b' }],
      ['shipped', { by: 'erp:k:d', lines: [{ itemId: 'ITM-1001', quantity: 6 }] }],
      ['received', { by: 'USR-NM', lines: [{ itemId: 'ITM-1001', quantity: 6 }] }],
    ];
    for (const [to, stamp] of steps) {
      const moved = transition(request, to, { ...stamp, at: '2026-11-12T10:00:00Z' });
      if (!moved.ok) throw new Error(moved.error.message);
      request = moved.value;
    }
    await sequencedWrite(server().database.db, async (trx) => {
      for (const body of counts) {
        await writeDocument(trx, {
          collection: 'stock_events',
          body,
          deleted: false,
          writtenBy: 'test',
        });
      }
      await writeDocument(trx, {
        collection: 'supply_requests',
        body: request,
        deleted: false,
        writtenBy: 'test',
      });
    });

    const key = await createApiKey(server(), ['indicators:read']);
    const answer = await call(
      server(),
      'GET',
      `/v1/erp/indicators?from=2026-11-01&to=2026-11-30&facility=${facility}`,
      key,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const body = answer.body as {
      facilities: FacilitySummary[];
      definitions: Record<string, unknown>;
    };
    expect(body.facilities).toHaveLength(1);
    const expected = facilitySummary(
      {
        facilityId: facility,
        events: counts,
        requests: [request],
        cases: [],
        notices: [],
        unitCost: () => undefined,
        acknowledgeTargets: { stat: 15, asap: 60, urgent: 240 },
        parLevels: [],
      },
      { from: '2026-11-01', to: '2026-11-30' },
      new Date().toISOString(),
    );
    expect(body.facilities[0]).toEqual(expected);
    expect(body.facilities[0]).toMatchObject({
      counts: 2,
      countAccuracy: 0.5,
      lineFillRate: 0,
      unitFillRate: 0.6,
    });
    expect(body.definitions['fill-rate']).toMatchObject({ title: 'Fill rate' });

    const other = await createApiKey(server(), ['events:read']);
    expect((await call(server(), 'GET', '/v1/erp/indicators', other)).status).toBe(403);
    const backwards = await call(
      server(),
      'GET',
      '/v1/erp/indicators?from=2026-11-30&to=2026-11-01',
      key,
    );
    expect([backwards.status, (backwards.body as { code: string }).code]).toEqual([
      422,
      'PERIOD_INVALID',
    ]);
    const tooLong = await call(
      server(),
      'GET',
      '/v1/erp/indicators?from=2024-01-01&to=2026-11-01',
      key,
    );
    expect(tooLong.status).toBe(422);
  });
});
