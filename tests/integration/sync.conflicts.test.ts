import { afterEach, expect, it } from 'vitest';
import type { PendingItem, RecallCase, SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { sameDocument } from '../../renderer/replication/same-document';
import { createAppClient, type AppClient } from './sync-helpers/app-client';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { supplyRequest } from './sync-helpers/documents';
import { waitFor } from './sync-helpers/wait';

type Doc = Record<string, unknown>;

describeOnBackends('sync: a concurrent offline edit survives the merge', 'conflicts', (server) => {
  const clients: AppClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  async function pc(facilityId: string) {
    const device = await enrollDevice(server(), facilityId);
    const client = await createAppClient(server().url, device, [
      'supply_requests',
      'recall_cases',
      'pending_items',
    ]);
    clients.push(client);
    return Object.assign(client, { token: device.token });
  }

  const read = async (
    client: AppClient,
    name: 'supply_requests' | 'recall_cases' | 'pending_items',
    id: string,
  ) => (await client.collection(name).findOne(id).exec())?.toMutableJSON() as Doc | undefined;

  async function centreCopy(token: string, name: string, id: string): Promise<Doc | undefined> {
    const pulled = await call(
      server(),
      'GET',
      `/v1/replication/${name}/pull?checkpoint=0&limit=1000`,
      token,
    );
    return (pulled.body as { documents: Doc[] }).documents.find((d) => d['id'] === id);
  }

  it('a request cancelled offline while the centre acknowledged it: cancelled, with both steps in its history', async () => {
    const north = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    const ward = await createAppClient(server().url, device, ['supply_requests']);
    clients.push(ward);
    const erpKey = await createApiKey(server(), ['requests:write']);
    const draft = supplyRequest(north, { status: 'draft' });
    const submitted = transition(draft, 'submitted', { at: '2026-11-02T09:00:00Z', by: 'USR-NM' });
    if (!submitted.ok) throw new Error(submitted.error.message);
    await ward.collection('supply_requests').insert(submitted.value);
    await waitFor(() => centreCopy(device.token, 'supply_requests', draft.id));

    await ward.goOffline();
    const approved = await call(server(), 'POST', `/v1/erp/requests/${draft.id}/status`, erpKey, {
      status: 'acknowledged',
      by: 'buyer.jones',
      at: '2026-11-02T09:30:00Z',
    });
    expect(approved.status).toBe(200);
    const local = await ward.collection('supply_requests').findOne(draft.id).exec();
    const cancelled = transition(local!.toMutableJSON() as SupplyRequest, 'cancelled', {
      at: '2026-11-02T09:40:00Z',
      by: 'USR-NM',
      note: 'patient transferred',
    });
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    await local!.incrementalPatch({
      status: cancelled.value.status,
      history: cancelled.value.history,
    });

    ward.goOnline();
    const expected = ['draft', 'submitted', 'acknowledged', 'cancelled'];
    const settled = await waitFor(async () => {
      const here = await read(ward, 'supply_requests', draft.id);
      const there = await centreCopy(device.token, 'supply_requests', draft.id);
      const steps = (d: Doc | undefined) =>
        (d?.['history'] as { status: string }[] | undefined)?.map((h) => h.status);
      return here?.['status'] === 'cancelled' &&
        there?.['status'] === 'cancelled' &&
        sameDocument(steps(there), expected)
        ? { here, there }
        : undefined;
    }, 15_000);
    expect((settled.here['history'] as { status: string }[]).map((h) => h.status)).toEqual(
      expected,
    );
  });

  it('two PCs record recall steps offline: the furthest step and both histories reach both PCs and the centre', async () => {
    const north = await addStaffedFacility(server());
    const a = await pc(north);
    const b = await pc(north);
    const opened: RecallCase = {
      ...SAMPLE_DOCUMENTS.recall_cases,
      id: uniqueId('RCS'),
      facilityId: north,
    };
    await a.collection('recall_cases').insert(opened);
    await waitFor(() => read(b, 'recall_cases', opened.id));
    await Promise.all([a.goOffline(), b.goOffline()]);

    const onA = await a.collection('recall_cases').findOne(opened.id).exec();
    await onA!.incrementalPatch({
      step: 'located',
      history: [
        ...opened.history,
        { step: 'matched', at: '2026-11-01T10:05:00Z', by: 'USR-TECH', units: 12 },
        { step: 'located', at: '2026-11-01T10:20:00Z', by: 'USR-TECH', note: 'A1 and dock' },
      ],
    });
    const onB = await b.collection('recall_cases').findOne(opened.id).exec();
    await onB!.incrementalPatch({
      step: 'matched',
      history: [
        ...opened.history,
        { step: 'matched', at: '2026-11-01T10:07:00Z', by: 'USR-SUP', units: 12 },
      ],
    });

    b.goOnline();
    await waitFor(
      async () => (await centreCopy(b.token, 'recall_cases', opened.id))?.['step'] === 'matched',
    );
    a.goOnline();
    const converged = await waitFor(async () => {
      const [x, y] = [
        await read(a, 'recall_cases', opened.id),
        await read(b, 'recall_cases', opened.id),
      ];
      return x && y && x['step'] === 'located' && sameDocument(x, y) ? x : undefined;
    }, 15_000);
    const history = converged['history'] as { step: string; by: string }[];
    expect(history.map((h) => `${h.step}:${h.by}`)).toEqual([
      'received:USR-TECH',
      'matched:USR-TECH',
      'matched:USR-SUP',
      'located:USR-TECH',
    ]);
  });

  it("a pending item described again offline keeps the centre's decision and the stockroom's description", async () => {
    const north = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    const pcClient = await createAppClient(server().url, device, ['pending_items']);
    clients.push(pcClient);
    const captured: PendingItem = {
      ...SAMPLE_DOCUMENTS.pending_items,
      id: uniqueId('PEND'),
      facilityId: north,
    };
    await pcClient.collection('pending_items').insert(captured);
    await waitFor(() => centreCopy(device.token, 'pending_items', captured.id));
    await pcClient.goOffline();

    await writeCentreDocuments(
      server().database,
      'pending_items',
      [{ ...captured, status: 'confirmed', confirmedItemId: 'ITM-2002' }],
      'api-key:test',
    );
    const local = await pcClient.collection('pending_items').findOne(captured.id).exec();
    await local!.incrementalPatch({ description: 'Sterile gauze 4x4, box of 100, blue' });

    pcClient.goOnline();
    const merged = await waitFor(async () => {
      const there = await centreCopy(device.token, 'pending_items', captured.id);
      return there?.['description'] === 'Sterile gauze 4x4, box of 100, blue' ? there : undefined;
    }, 15_000);
    expect(merged).toMatchObject({ status: 'confirmed', confirmedItemId: 'ITM-2002' });
    await waitFor(
      async () => (await read(pcClient, 'pending_items', captured.id))?.['status'] === 'confirmed',
    );
  });
});
