import { expect, it } from 'vitest';
import { recallProgress } from '../../shared/console';
import type { RecallCase, RecallNotice } from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';

const notice: RecallNotice = {
  ...(SAMPLE_DOCUMENTS.recall_notices as RecallNotice),
  class: 'I',
  issuedAt: '2026-12-01T00:00:00.000Z',
};
const at = (h: number) => new Date(Date.parse(notice.issuedAt) + h * 3_600_000).toISOString();

function caseAt(facilityId: string, steps: [RecallCase['step'], number, number?][]): RecallCase {
  return {
    id: `RCS-${facilityId}`,
    facilityId,
    noticeId: notice.id,
    step: steps.at(-1)![0],
    history: steps.map(([step, hours, units]) => ({
      step,
      at: at(hours),
      by: 'USR-TECH',
      ...(units === undefined ? {} : { units }),
    })),
    quarantinedUnits: steps.find(([s]) => s === 'quarantined')?.[2] ?? 0,
  };
}

it('measures each facility from the notice to all-quarantined and marks the late ones', () => {
  const progress = recallProgress(
    notice,
    [
      caseAt('FAC-A', [
        ['received', 1],
        ['matched', 2, 5],
        ['located', 3],
        ['quarantined', 6, 5],
        ['counted', 7, 5],
        ['acknowledged', 8],
        ['disposed', 30, 5],
      ]),
      caseAt('FAC-B', [
        ['received', 1],
        ['matched', 2, 4],
        ['located', 20],
        ['quarantined', 40, 4],
      ]),
      caseAt('FAC-C', [
        ['received', 1],
        ['matched', 3, 0],
      ]),
      caseAt('FAC-D', [['received', 2]]),
    ],
    ['FAC-A', 'FAC-B', 'FAC-C', 'FAC-D', 'FAC-E'],
    at(48),
  );
  const of = (id: string) => progress.facilities.find((f) => f.facilityId === id)!;
  expect(of('FAC-A')).toMatchObject({
    matched: 5,
    quarantined: 5,
    disposed: 5,
    hoursToQuarantine: 6,
    late: false,
  });
  expect(of('FAC-B')).toMatchObject({ hoursToQuarantine: 40, late: true });
  // Nothing matched: nothing to quarantine, done when matching was.
  expect(of('FAC-C')).toMatchObject({ hoursToQuarantine: 3, late: false });
  expect(of('FAC-D')).toMatchObject({ step: 'received', quarantinedAt: null, late: true });
  expect(of('FAC-E')).toMatchObject({ step: 'not started', caseId: null, late: true });
  expect(progress.lateCount).toBe(3);
  // Before the day is out, an unfinished facility is not late yet.
  const early = recallProgress(notice, [], ['FAC-E'], at(10));
  expect(early.facilities[0]!.late).toBe(false);
});

it('a notice stored with an instant JavaScript cannot read (a leap second) still reports, never throws', () => {
  const leap = { ...notice, issuedAt: '2026-06-30T23:59:60Z' };
  const progress = recallProgress(leap, [], ['FAC-E'], at(10));
  expect(progress.facilities).toHaveLength(1);
  expect(JSON.stringify(progress)).toContain('2026-06-30T23:59:60Z');
});
