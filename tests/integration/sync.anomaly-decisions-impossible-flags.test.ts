import { expect, it } from 'vitest';
import { anomalyFlagId } from '../../shared/indicators/anomaly-flags';
import { isoDateFromDays } from '../../shared/inventory/calendar';
import type { AnomalyDecision } from '../../shared/model';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addFlagSubjects } from './sync-helpers/flag-subjects';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';

/**
 * Hostile-input audit: a decision with a correctly built id on a flag that can never have been
 * raised (a day to come, a day of year 1, an item the centre does not know, another facility's
 * location) was stored, and as one decision stands per flag, a future flag could be dismissed in
 * advance. The centre now refuses those, stores nothing, and still takes a decision on a flag it
 * has not computed itself (the PC's events may come later).
 */
describeOnBackends(
  'anomaly decisions on flags that could not be raised',
  'anomaly_possible',
  (server) => {
    it('refuses a future, ancient, unknown-item or foreign-location flag; takes one the centre never computed', async () => {
      const facility = await addStaffedFacility(server());
      const other = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const itemId = uniqueId('ITM');
      const locationId = await addFlagSubjects(server(), facility, [itemId]);
      const foreignLocation = await addFlagSubjects(server(), other, []);
      const pendingHere = uniqueId('PEND');
      const pendingThere = uniqueId('PEND');
      await writeCentreDocuments(
        server().database,
        'pending_items',
        [
          { ...SAMPLE_DOCUMENTS.pending_items, id: pendingHere, facilityId: facility },
          { ...SAMPLE_DOCUMENTS.pending_items, id: pendingThere, facilityId: other },
        ],
        'test',
      );
      const today = Math.floor(Date.now() / 86_400_000);
      const decision = (over: Partial<AnomalyDecision>): AnomalyDecision => {
        const flag = {
          kind: 'item-location' as const,
          itemId,
          locationId,
          date: isoDateFromDays(today),
          ...over,
        };
        return {
          id: anomalyFlagId(facility, flag),
          facilityId: facility,
          deviceId: device.deviceId,
          ...flag,
          explanation: 'issued 48 today; a typical Tuesday is 6–14',
          decision: 'dismissed',
          note: 'Explained in advance',
          decidedBy: STAFF.supervisor,
          decidedAt: new Date().toISOString(),
        };
      };
      const send = (d: AnomalyDecision) =>
        call(server(), 'POST', '/v1/replication/anomaly-decisions', device.token, d);

      const refusals: [Partial<AnomalyDecision>, number, string][] = [
        [{ date: isoDateFromDays(today + 2) }, 400, 'FLAG_DATE_FUTURE'],
        [{ date: isoDateFromDays(today + 25) }, 400, 'FLAG_DATE_FUTURE'],
        [{ date: '9999-12-31' }, 400, 'FLAG_DATE_FUTURE'],
        [{ date: '0001-01-01' }, 400, 'FLAG_DATE_TOO_OLD'],
        [{ date: isoDateFromDays(today - 38) }, 400, 'FLAG_DATE_TOO_OLD'],
        [{ itemId: 'ITM-NOPE' }, 422, 'ITEM_UNKNOWN'],
        [{ itemId: pendingThere }, 422, 'ITEM_UNKNOWN'],
        [{ locationId: 'LOC-NOPE' }, 422, 'LOCATION_UNKNOWN'],
        [{ locationId: foreignLocation }, 403, 'LOCATION_NOT_OF_FACILITY'],
        [{ itemId: 'ITM-NOPE', locationId: foreignLocation }, 422, 'ITEM_UNKNOWN'],
      ];
      for (const [over, status, code] of refusals) {
        const answer = await send(decision(over));
        expect(answer, JSON.stringify(over)).toMatchObject({ status, body: { code } });
        expect((answer.body as { message: string }).message).toMatch(/Nothing was stored\.$/);
      }
      const none = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
      expect(none).toMatchObject({ status: 200, body: { decisions: [] } });
      const stored = await server()
        .database.db.selectFrom('anomaly_decisions')
        .select('id')
        .where('facility_id', '=', facility)
        .execute();
      expect(stored).toEqual([]);

      // The edges of the window, and a pending item of the facility, are taken: the centre has
      // computed none of these flags (it holds no events of this facility).
      for (const over of [
        { date: isoDateFromDays(today + 1) },
        { date: isoDateFromDays(today - 37) },
        { itemId: pendingHere },
      ]) {
        const answer = await send(decision(over));
        expect(answer, JSON.stringify(over)).toMatchObject({ status: 201, body: { stored: true } });
      }
    });
  },
);
