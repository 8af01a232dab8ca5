import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { networkSupplierLeadTimes } from '../../sync/console/network-supplier-lead-times';
import { describeOnBackends } from './sync-helpers/backends';
import { uniqueId } from './sync-helpers/devices';

/** More deliveries than the 65,535 parameters one statement may bind. */
const DELIVERIES = 70_000;

/**
 * Issue 16: supplier lead time over a network whose ERP has sent more deliveries than a statement
 * may bind as parameters, one each. The rows are written straight into the store by SQL (what the
 * ERP's upserts would leave after months), since pushing 140,000 documents through HTTP would
 * test the ingest path, not this reader.
 */
describeOnBackends('indicators: supplier lead time at network scale', 'lead_scale', (server) => {
  it(`reads ${DELIVERIES.toLocaleString('en')} deliveries, their requests and receipts without a parameter per id`, async () => {
    const db = server().database.db;
    const tag = uniqueId('BULK');
    const facility = `FAC-${tag}`;
    // Each request ordered on 1 Nov; each delivery received by a receipt on 3 Nov (2 days).
    // Typed literals: a bare parameter inside jsonb_build_object has no type to infer.
    const [t, f, n] = [sql.lit(tag), sql.lit(facility), sql.lit(DELIVERIES)];
    await sql`
      insert into documents (collection, id, facilities, doc, deleted, seq, written_by, recorded_at, updated_at)
      select 'supply_requests', ${t} || '-REQ-' || n, array[${f}],
        jsonb_build_object('id', ${t} || '-REQ-' || n, 'facilityId', ${f},
          'history', jsonb_build_array(
            jsonb_build_object('status', 'ordered', 'at', '2026-11-01T08:00:00Z', 'by', 'erp'))),
        false, nextval('document_seq'), 'test', now(), now()
      from generate_series(1, ${n}) as n`.execute(db);
    await sql`
      insert into documents (collection, id, facilities, doc, deleted, seq, written_by, recorded_at, updated_at)
      select 'deliveries', ${t} || '-PO-' || n, array[${f}],
        jsonb_build_object('id', ${t} || '-PO-' || n, 'facilityId', ${f},
          'supplier', ${t}, 'requestId', ${t} || '-REQ-' || n),
        false, nextval('document_seq'), 'test', now(), now()
      from generate_series(1, ${n}) as n`.execute(db);
    await sql`
      insert into documents (collection, id, facilities, doc, deleted, seq, written_by, recorded_at, updated_at)
      select 'stock_events', ${t} || '-EVT-' || n, array[${f}],
        jsonb_build_object('id', ${t} || '-EVT-' || n, 'facilityId', ${f},
          'type', 'receive', 'deliveryId', ${t} || '-PO-' || n,
          'occurredAt', '2026-11-03T08:00:00Z'),
        false, nextval('document_seq'), 'test', now(), now()
      from generate_series(1, ${n}) as n`.execute(db);

    const bySupplier = await networkSupplierLeadTimes(
      db,
      { from: '2026-11-01', to: '2026-11-30' },
      facility,
    );
    expect(bySupplier).toEqual([
      { supplier: tag, deliveries: DELIVERIES, meanDays: 2, deviationDays: 0, p90Days: 2 },
    ]);
  }, 120_000);
});
