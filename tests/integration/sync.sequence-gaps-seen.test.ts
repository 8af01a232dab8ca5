import { expect, it } from 'vitest';
import { currentConditions } from '../../sync/console/exception-sources';
import { writeDocument } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { sequenceGapsSeen } from '../../sync/store/sync-health';
import { describeOnBackends } from './sync-helpers/backends';
import { enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A gap in a PC's numbers is seen when the first event after it arrives. The queue reads every
 * gap and its time in one statement, so a PC that skipped thousands of numbers lists as fast as
 * one that skipped none.
 */
describeOnBackends('sequence gaps, seen when', 'sequence_gaps_seen', (server) => {
  it('each gap carries the earliest arrival of any event after it, however the events came', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const arrive = async (...seqs: number[]) => {
      await sequencedWrite(server().database.db, async (trx) => {
        for (const deviceSeq of seqs)
          await writeDocument(trx, {
            collection: 'stock_events',
            body: stockEvent(device, { id: uniqueId('EVT'), deviceSeq }),
            deleted: false,
            writtenBy: 'test',
          });
      });
      const gaps = await sequenceGapsSeen(server().database.db, facility);
      await pause(30);
      return gaps;
    };
    await arrive(1, 2);
    const first = await arrive(5);
    const t1 = first[0]!.seenAt.getTime();
    const second = await arrive(9);
    const t2 = second.find((g) => g.from === 6)!.seenAt.getTime();
    expect(t2).toBeGreaterThan(t1);
    // 7 arrives last: the gap 6 was already seen when 9 came, and 8 stays missing.
    const gaps = await arrive(7);
    expect(gaps.map(({ deviceId, from, to }) => ({ deviceId, from, to }))).toEqual([
      { deviceId: device.deviceId, from: 3, to: 4 },
      { deviceId: device.deviceId, from: 6, to: 6 },
      { deviceId: device.deviceId, from: 8, to: 8 },
    ]);
    expect(gaps.map((g) => g.seenAt.getTime())).toEqual([t1, t2, t2]);

    const queued = (await currentConditions(server().database.db, new Date())).filter(
      (c) => c.kind === 'sequence-gap' && c.facilityId === facility,
    );
    // Said to a buyer: the PC by its enrolled name, the facility by name beside its id.
    const missing = (what: string) =>
      `PC “Stockroom PC” at Facility ${facility} (${facility}): its ${what} never reached the centre`;
    expect(
      queued.map((c) => [c.id, c.summary.split(', while')[0], Date.parse(c.detectedAt)]),
    ).toEqual([
      [`sequence-gap:${device.deviceId}:3-4`, missing('stock events number 3 to 4'), t1],
      [`sequence-gap:${device.deviceId}:6-6`, missing('stock event number 6'), t2],
      [`sequence-gap:${device.deviceId}:8-8`, missing('stock event number 8'), t2],
    ]);
    expect(queued[0]!.summary).toMatch(
      /Ask the stockroom to keep the PC switched on and connected/,
    );
    expect(queued[0]!.summary).not.toContain(device.deviceId);
  });
});
