import { expect, it } from 'vitest';
import type { StockEvent } from '../../shared/model';
import { currentConditions } from '../../sync/console/exception-sources';
import { writeDocument } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { describeOnBackends } from './sync-helpers/backends';
import { uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';

const DAY = 86_400_000;

/** Issue 16: a usage anomaly reaches the console's exception queue, with its statistics in words. */
describeOnBackends('exceptions: unusual usage', 'usage_anomaly', (server) => {
  it('48 issued where a typical weekday sees 9 is flagged once, in words; the usual weekdays are not', async () => {
    const facility = await addStaffedFacility(server());
    const now = new Date('2026-12-01T18:00:00Z'); // a Tuesday
    const issue = (daysAgo: number, quantity: number): StockEvent =>
      stockEvent(facility, {
        id: uniqueId('EVT'),
        type: 'issue',
        itemId: 'ITM-GLOVE',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        quantity,
        occurredAt: new Date(now.getTime() - daysAgo * DAY - 3_600_000).toISOString(),
      });
    const events = [
      ...Array.from({ length: 12 }, (_, week) => issue(7 * (week + 1), 9)),
      issue(0, 48),
    ];
    await sequencedWrite(server().database.db, async (trx) => {
      for (const body of events) {
        await writeDocument(trx, {
          collection: 'stock_events',
          body,
          deleted: false,
          writtenBy: 'test',
        });
      }
    });
    const flags = (await currentConditions(server().database.db, now)).filter(
      (c) => c.kind === 'usage-anomaly' && c.facilityId === facility,
    );
    const place = flags.filter((f) => f.id.includes(':item-location:'));
    expect(place).toHaveLength(1);
    expect(place[0]!.summary).toMatch(
      /^ITM-GLOVE \(not in the item master\) at LOC-A1, Facility FAC-[\w-]+ \(FAC-[\w-]+\): issued 48 on 2026-12-01; a typical Tuesday is 9–9 \(median 9, MAD 0, spread taken as 2\.0\); 19\.3 MADs above/,
    );
    expect(Date.parse(place[0]!.detectedAt)).toBeLessThanOrEqual(now.getTime());
    // The same person's removals are a flag of their own.
    const person = flags.find((f) => f.id.includes(':person:'));
    // The person by the name the centre holds for them, not by their user id.
    expect(person?.summary).toMatch(/: Staff USR-TECH issued 48 on 2026-12-01;/);
  });
});
