import { describe, expect, it } from 'vitest';
import { anomalyFlagId, anomalyWindow } from '../../shared/indicators';
import { parseIsoDate } from '../../shared/inventory/calendar';
import type { AnomalyDecision } from '../../shared/model';
import {
  checkFlagCouldBeRaised,
  decidableFlagDates,
  type FlagSubjects,
} from '../../shared/permissions';

const TODAY = parseIsoDate('2026-12-06')!;
const known: FlagSubjects = { itemKnown: true, locationFacilityId: 'FAC-1' };

function decisionOn(date: string, overrides: Partial<AnomalyDecision> = {}): AnomalyDecision {
  const flag = { kind: 'item-location' as const, itemId: 'ITM-GLOVE', locationId: 'LOC-A1', date };
  return {
    id: anomalyFlagId('FAC-1', flag),
    facilityId: 'FAC-1',
    deviceId: 'DEV-1',
    ...flag,
    explanation: 'issued 48',
    decision: 'dismissed',
    note: 'Ward move',
    decidedBy: 'USR-SUP',
    decidedAt: '2026-12-06T10:00:00Z',
    ...overrides,
  };
}

const codeOf = (date: string, subjects: FlagSubjects = known) => {
  const check = checkFlagCouldBeRaised(decisionOn(date), TODAY, subjects);
  return check.ok ? 'ok' : check.error.code;
};

describe('a decision names a flag that could have been raised', () => {
  it('takes the week of flags, a day of clock slack ahead, and 30 days late behind', () => {
    const { earliest, latest } = decidableFlagDates(TODAY);
    expect(latest).toBe(anomalyWindow(TODAY).to + 1);
    expect(earliest).toBe(anomalyWindow(TODAY).from - 30 - 1);
    expect(codeOf('2026-12-06')).toBe('ok');
    expect(codeOf('2026-12-07')).toBe('ok');
    expect(codeOf('2026-10-30')).toBe('ok');
  });

  it.each([
    ['2026-12-08', 'FLAG_DATE_FUTURE'],
    ['2026-12-31', 'FLAG_DATE_FUTURE'],
    ['9999-12-31', 'FLAG_DATE_FUTURE'],
    ['2026-10-29', 'FLAG_DATE_TOO_OLD'],
    ['0001-01-01', 'FLAG_DATE_TOO_OLD'],
  ])('refuses a flag of %s (%s) when today is 2026-12-06', (date, code) => {
    const check = checkFlagCouldBeRaised(decisionOn(date), TODAY, known);
    expect(check).toMatchObject({ ok: false, error: { code, kind: 'input' } });
    if (!check.ok) expect(check.error.message).toMatch(/date and time/);
  });

  it('refuses an unknown item or location (422) and another facility’s location (403)', () => {
    expect(codeOf('2026-12-05', { itemKnown: false, locationFacilityId: 'FAC-1' })).toBe(
      'ITEM_UNKNOWN',
    );
    expect(codeOf('2026-12-05', { itemKnown: true, locationFacilityId: undefined })).toBe(
      'LOCATION_UNKNOWN',
    );
    const foreign = checkFlagCouldBeRaised(decisionOn('2026-12-05'), TODAY, {
      itemKnown: true,
      locationFacilityId: 'FAC-2',
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'LOCATION_NOT_OF_FACILITY', kind: 'permission' },
    });
    const unknown = checkFlagCouldBeRaised(decisionOn('2026-12-05'), TODAY, {
      itemKnown: false,
      locationFacilityId: 'FAC-1',
    });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });
});
