import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, uniqueId } from './sync-helpers/devices';

/** Issue 14: the Recalls screen's admin API: a notice entered by a person, progress per facility. */

describeOnBackends('console recalls', 'console_recalls', (server) => {
  it('a buyer enters a Class I recall; every facility shows as late once the day has passed', async () => {
    const facility = await addFacility(server());
    const buyer = await signedInPerson(server(), 'buyer');
    const analyst = await signedInPerson(server(), 'analyst');
    const notice = {
      ...SAMPLE_DOCUMENTS.recall_notices,
      id: uniqueId('RCL'),
      issuedAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      effectiveAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
    };
    expect((await analyst.request('POST', '/v1/admin/recalls', notice)).status).toBe(403);
    const { number: _dropped, ...noNumber } = notice;
    const bad = await buyer.request('POST', '/v1/admin/recalls', noNumber);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('number');
    const entered = await buyer.request('POST', '/v1/admin/recalls', notice);
    expect(entered.status).toBe(201);
    expect(entered.body).toEqual({ id: notice.id, written: 1, unchanged: 0 });

    const listed = await analyst.request('GET', '/v1/admin/recalls');
    expect(listed.status).toBe(200);
    const progress = listed.body.recalls.find(
      (r: { noticeId: string }) => r.noticeId === notice.id,
    );
    expect(progress).toMatchObject({ class: 'I', status: 'open' });
    expect(progress.facilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ facilityId: facility, step: 'not started', late: true }),
      ]),
    );
    expect(progress.lateCount).toBe(progress.facilities.length);

    // The same notice reaches the PCs as the ERP's would: it is a pulled recall notice.
    const stored = await server()
      .database.db.selectFrom('documents')
      .select(['written_by'])
      .where('collection', '=', 'recall_notices')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(stored.written_by).toMatch(/^console:buyer-/);
  });
});
