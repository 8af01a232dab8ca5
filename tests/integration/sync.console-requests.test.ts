import { expect, it } from 'vitest';
import type { RequestView } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
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
});
