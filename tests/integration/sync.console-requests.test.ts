import { expect, it } from 'vitest';
import type { RequestView } from '../../shared/console';
import { escalationAt, requestItemLabel, requestLocationLabel } from '../../shared/console';
import type { Item, Location, SupplyRequest } from '../../shared/model';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { documentNames } from '../../sync/store/document-names';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { supplyRequest } from './sync-helpers/documents';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';

/** Issue 15: central staff see every open request, how late it is, and take the centre's steps. */

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describeOnBackends('console: the requests of the network', 'console_requests', (server) => {
  it('a buyer sees an escalated STAT request first, acknowledges and approves it; an analyst cannot', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const late = supplyRequest(facility, {
      status: 'submitted',
      priority: 'stat',
      kind: 'urgent',
      createdBy: STAFF.nurseManager,
      history: [
        { status: 'draft', at: ago(40), by: STAFF.nurseManager },
        { status: 'submitted', at: ago(40), by: STAFF.nurseManager },
      ],
    });
    const routine = supplyRequest(facility, {
      status: 'submitted',
      priority: 'routine',
      createdBy: STAFF.nurseManager,
      history: [
        { status: 'draft', at: ago(5), by: STAFF.nurseManager },
        { status: 'submitted', at: ago(5), by: STAFF.nurseManager },
      ],
    });
    for (const doc of [routine, late]) {
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: doc }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }

    const buyer = await signedInPerson(server(), 'buyer');
    const listed = await buyer.request('GET', `/v1/admin/requests?facility=${facility}`);
    expect(listed.status).toBe(200);
    const views = (listed.body as { requests: RequestView[] }).requests;
    expect(views.map((v) => v.request.id)).toEqual([late.id, routine.id]);
    expect(views[0]!.escalation).toMatchObject({
      clock: 'acknowledge',
      rung: 'supervisor',
      message: expect.stringMatching(
        /^Not acknowledged for 4\d min — escalated to the supervisor$/,
      ),
      // The console counts the wait on from here as its page stays open.
      startedAt: late.history[1]!.at,
    });
    expect(views[1]!.escalation).toBeNull();

    const analyst = await signedInPerson(server(), 'analyst');
    const refused = await analyst.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'acknowledged',
    });
    expect(refused.status).toBe(403);

    const acked = await buyer.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'acknowledged',
    });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    const acknowledged = acked.body as SupplyRequest;
    expect(acknowledged.history.at(-1)).toMatchObject({
      status: 'acknowledged',
      by: expect.stringMatching(/^console:/),
    });
    // Off the acknowledge clock: no longer escalated.
    const after = (
      (await buyer.request('GET', `/v1/admin/requests?facility=${facility}`)).body as {
        requests: RequestView[];
      }
    ).requests.find((v) => v.request.id === late.id)!;
    expect(after.escalation).toBeNull();

    const noReason = await buyer.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'rejected',
    });
    expect([noReason.status, (noReason.body as { code: string }).code]).toEqual([
      422,
      'REASON_REQUIRED',
    ]);
    const received = await buyer.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'received',
    });
    expect(received.status).toBe(400);
    const approved = await buyer.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'approved',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect((approved.body as SupplyRequest).status).toBe('approved');
    const twice = await buyer.request('POST', `/v1/admin/requests/${late.id}/status`, {
      status: 'acknowledged',
    });
    expect(twice.status).toBe(409);

    // The PC sees the buyer's steps when it pulls.
    const pulled = (
      await call(server(), 'GET', '/v1/replication/supply_requests/pull?limit=1000', device.token)
    ).body as { documents: SupplyRequest[] };
    expect(pulled.documents.find((d) => d.id === late.id)?.status).toBe('approved');
  });
  it('names the items and the place of each request; an item the master lacks keeps its id', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const item = (id: string, name: string): Item => ({
      ...SAMPLE_DOCUMENTS.items,
      id,
      name,
      gtins: [],
      hibccCodes: [],
    });
    const saline = item(uniqueId('ITM-SAL'), 'Saline 0.9% 10 mL');
    const gauze = item(uniqueId('ITM-GAU'), 'Gauze swab 10 x 10 cm');
    const larger = item(uniqueId('ITM-SAL'), 'Saline 0.9% 20 mL');
    const database = server().database;
    await writeCentreDocuments(database, 'items', [saline, gauze, larger], 'test:erp');
    const place: Location = {
      ...SAMPLE_DOCUMENTS.locations,
      id: uniqueId('LOC-TB'),
      facilityId: facility,
      name: 'Trauma bay',
    };
    await writeCentreDocuments(database, 'locations', [place], 'test:erp');
    // A PC's pending item: received before the item master knew it, booked under its own id.
    const pending = uniqueId('PEND');
    const named = supplyRequest(facility, {
      createdBy: STAFF.nurseManager,
      locationId: place.id,
      lines: [
        { itemId: saline.id, quantity: 3 },
        { itemId: pending, quantity: 2 },
      ],
    });
    const elsewhere = supplyRequest(facility, {
      createdBy: STAFF.nurseManager,
      locationId: uniqueId('LOC-NONE'),
      lines: [{ itemId: gauze.id, quantity: 5 }],
    });
    for (const doc of [named, elsewhere]) {
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: doc }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }
    const buyer = await signedInPerson(server(), 'buyer');
    const proposed = await buyer.request('POST', `/v1/admin/requests/${named.id}/substitutions`, {
      substitutes: [
        { lineItemId: saline.id, itemId: larger.id, quantity: 2, reason: '10 mL backordered' },
      ],
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);

    const listed = await buyer.request('GET', `/v1/admin/requests?facility=${facility}`);
    expect(listed.status).toBe(200);
    const views = (listed.body as { requests: RequestView[] }).requests;
    const view = views.find((v) => v.request.id === named.id)!;
    // The lines' items and the substitute's, by name; the pending item is not in the master.
    expect(view.itemNames).toEqual({
      [saline.id]: 'Saline 0.9% 10 mL',
      [larger.id]: 'Saline 0.9% 20 mL',
    });
    expect(view.locationName).toBe('Trauma bay');
    expect(requestItemLabel(view, saline.id)).toBe(`Saline 0.9% 10 mL (${saline.id})`);
    expect(requestItemLabel(view, pending)).toBe(`${pending} (not in the item master)`);
    expect(requestLocationLabel(view)).toBe(`Trauma bay (${place.id})`);
    // Each view names only its own items; a place the centre does not hold is null.
    const other = views.find((v) => v.request.id === elsewhere.id)!;
    expect(other.itemNames).toEqual({ [gauze.id]: 'Gauze swab 10 x 10 cm' });
    expect(other.locationName).toBeNull();
    expect(requestLocationLabel(other)).toBe(elsewhere.locationId);

    // The documented shape says so.
    const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    const ok = JSON.stringify(doc.paths['/v1/admin/requests']?.get?.responses['200']);
    expect(ok).toContain('"itemNames"');
    expect(ok).toContain('"locationName"');
  });

  it('lists requests made in one instant in one order on every read, by id, even after one moves on', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const instant = ago(3);
    const history = [
      { status: 'draft' as const, at: instant, by: STAFF.nurseManager },
      { status: 'submitted' as const, at: instant, by: STAFF.nurseManager },
    ];
    const prefix = uniqueId('REQ-TIE');
    // Written in the opposite order to their ids, so the store's own order is not the answer.
    const ids = ['E', 'D', 'C', 'B', 'A'].map((letter) => `${prefix}-${letter}`);
    for (const id of ids) {
      const doc = supplyRequest(facility, {
        id,
        status: 'submitted',
        priority: 'routine',
        createdBy: STAFF.nurseManager,
        createdAt: instant,
        history,
      });
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: doc }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }
    const buyer = await signedInPerson(server(), 'buyer');
    const order = async () => {
      const listed = await buyer.request('GET', `/v1/admin/requests?facility=${facility}`);
      expect(listed.status).toBe(200);
      return (listed.body as { requests: RequestView[] }).requests.map((v) => v.request.id);
    };
    const sorted = [...ids].sort();
    for (let read = 0; read < 3; read += 1) expect(await order()).toEqual(sorted);
    // A step rewrites the middle request's row: where the store keeps it changes, its place does not.
    const acked = await buyer.request('POST', `/v1/admin/requests/${ids[2]}/status`, {
      status: 'acknowledged',
    });
    expect(acked.status, JSON.stringify(acked.body)).toBe(200);
    for (let read = 0; read < 3; read += 1) expect(await order()).toEqual(sorted);
  });

  it('gives each request its service level, so a console left open sees it turn late', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const fresh = supplyRequest(facility, {
      status: 'submitted',
      priority: 'stat',
      kind: 'urgent',
      createdBy: STAFF.nurseManager,
      history: [
        { status: 'draft', at: ago(2), by: STAFF.nurseManager },
        { status: 'submitted', at: ago(2), by: STAFF.nurseManager },
      ],
    });
    const pushed = await call(
      server(),
      'POST',
      '/v1/replication/supply_requests/push',
      device.token,
      [{ newDocumentState: fresh }],
    );
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    const buyer = await signedInPerson(server(), 'buyer');
    const view = (
      (await buyer.request('GET', `/v1/admin/requests?facility=${facility}`)).body as {
        requests: RequestView[];
      }
    ).requests[0]!;
    expect(view.escalation).toBeNull();
    expect(view.serviceLevel).toEqual({
      acknowledgeMinutes: expect.any(Number),
      deliverMinutes: expect.any(Number),
    });
    const late = new Date(Date.now() + view.serviceLevel!.acknowledgeMinutes * 60_000);
    expect(escalationAt(view, late)).toMatchObject({
      clock: 'acknowledge',
      rung: 'reminder',
      message: expect.stringMatching(/^Not acknowledged for \d+ min — reminder sent$/),
    });
    expect(escalationAt(view, new Date())).toBeNull();
  });

  it('reads the names of every item, place and person asked for in one query', async () => {
    await addStaffedFacility(server());
    let queries = 0;
    const counted = server().database.db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const names = await documentNames(counted, {
      items: [SAMPLE_DOCUMENTS.items.id, 'ITM-NOWHERE', SAMPLE_DOCUMENTS.items.id],
      locations: ['LOC-NOWHERE'],
      users: [STAFF.tech, STAFF.supervisor],
    });
    expect(queries).toBe(1);
    expect(names.items.has('ITM-NOWHERE')).toBe(false);
    expect(names.users.get(STAFF.tech)).toBe(`Staff ${STAFF.tech}`);
    expect(await documentNames(counted, { items: [] })).toEqual({
      items: new Map(),
      locations: new Map(),
      users: new Map(),
    });
    expect(queries).toBe(1);
  });
});
