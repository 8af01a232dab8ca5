import { describe, expect, it } from 'vitest';
import {
  anomalyFlagId,
  anomalyWindow,
  flagsWithDecisions,
  usageAnomalies,
  type UsageAnomaly,
} from '../../shared/indicators';
import { parseIsoDate } from '../../shared/inventory/calendar';
import type { AnomalyDecision, Role } from '../../shared/model';
import { checkAnomalyDecision, checkMember, type KnownUser } from '../../shared/permissions';
import { demoHistory } from '../../renderer/seed/demo-history';

const FACILITY = 'FAC-1';
const flag: UsageAnomaly = {
  kind: 'person',
  date: '2026-12-01',
  locationId: 'LOC-A1',
  itemId: 'ITM-GLOVE',
  actorId: 'USR-TECH',
  used: 48,
  median: 9,
  mad: 2.5,
  typical: { low: 6, high: 14 },
  madsAbove: 12.3,
  explanation: 'USR-TECH issued 48 on 2026-12-01; a typical Tuesday is 6–14',
};
const people: Record<string, Role> = {
  'USR-TECH': 'tech',
  'USR-SUP': 'supervisor',
  'USR-SUP2': 'supervisor',
  'USR-NM': 'nurse-manager',
};
const member = (id: string) => {
  const role = people[id];
  const user: KnownUser | undefined = role
    ? { id, role, active: true, facilityIds: [FACILITY] }
    : undefined;
  return checkMember(id, user, FACILITY);
};
const where = { facilityId: FACILITY, deviceId: 'PC-1' };
const decision = (overrides: Partial<AnomalyDecision> = {}): AnomalyDecision => ({
  id: anomalyFlagId(FACILITY, flag),
  facilityId: FACILITY,
  deviceId: 'PC-1',
  kind: flag.kind,
  date: flag.date,
  itemId: flag.itemId,
  locationId: flag.locationId,
  actorId: 'USR-TECH',
  explanation: flag.explanation,
  decision: 'confirmed',
  note: 'Counted the bins: 40 gloves missing',
  decidedBy: 'USR-SUP',
  decidedAt: '2026-12-01T19:00:00Z',
  ...overrides,
});
const code = (d: AnomalyDecision) => {
  const result = checkAnomalyDecision(d, where, member);
  return result.ok ? 'ok' : result.error.code;
};

describe('a usage anomaly flag and the decision on it', () => {
  it('has one id, the console condition id of the flag', () => {
    expect(anomalyFlagId(FACILITY, flag)).toBe(
      'usage-anomaly:FAC-1:person:ITM-GLOVE:LOC-A1:USR-TECH:2026-12-01',
    );
    expect(anomalyFlagId(FACILITY, { ...flag, kind: 'item-location', actorId: undefined })).toBe(
      'usage-anomaly:FAC-1:item-location:ITM-GLOVE:LOC-A1:-:2026-12-01',
    );
  });

  it('is decided by a supervisor with a note, at their own facility and PC, never on their own removals', () => {
    expect(code(decision())).toBe('ok');
    expect(code(decision({ decidedBy: 'USR-TECH' }))).toBe('ROLE_NOT_PERMITTED');
    expect(code(decision({ decidedBy: 'USR-NM' }))).toBe('ROLE_NOT_PERMITTED');
    expect(code(decision({ decidedBy: 'USR-GONE' }))).toBe('USER_UNKNOWN');
    expect(code(decision({ note: ' \n ' }))).toBe('NOTE_REQUIRED');
    expect(code(decision({ facilityId: 'FAC-2' }))).toBe('FACILITY_MISMATCH');
    expect(code(decision({ deviceId: 'PC-2' }))).toBe('DEVICE_MISMATCH');
    expect(code(decision({ itemId: 'ITM-OTHER' }))).toBe('FLAG_ID_MISMATCH');
    const own = { ...flag, actorId: 'USR-SUP' };
    expect(
      code(
        decision({ id: anomalyFlagId(FACILITY, own), actorId: 'USR-SUP', decidedBy: 'USR-SUP' }),
      ),
    ).toBe('SEGREGATION_OF_DUTIES');
  });

  it('lists open flags before decided ones', () => {
    const other = { ...flag, itemId: 'ITM-MASK' };
    const decided = decision();
    const listed = flagsWithDecisions(FACILITY, [flag, other], new Map([[decided.id, decided]]));
    expect(listed.map((f) => [f.flag.itemId, f.decision?.decision])).toEqual([
      ['ITM-MASK', undefined],
      ['ITM-GLOVE', 'confirmed'],
    ]);
  });

  it('looks at the last seven days against the twelve weeks before them', () => {
    const today = parseIsoDate('2026-12-05') ?? 0;
    expect(anomalyWindow(today)).toEqual({ from: today - 6, to: today, since: '2026-09-06' });
  });

  it("the demo's history holds one unusual day in the last week", () => {
    const today = parseIsoDate('2026-12-03') ?? 0;
    const window = anomalyWindow(today);
    const flags = usageAnomalies(demoHistory('2026-12-03'), window);
    expect(flags.map((f) => f.kind).sort()).toEqual(['item-location', 'person']);
    expect(flags[0]?.date).toBe('2026-12-01');
  });
});
