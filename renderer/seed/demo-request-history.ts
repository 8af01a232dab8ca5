import { daysFromCivil, isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import type { RequestStatus, SupplyRequest } from '../../shared/model';
import { transition, type TransitionStamp } from '../../shared/replenishment/request-status';
import { DEMO_FACILITY, DEMO_PAR_LEVELS } from './demo-catalogue';
import { DEMO_HISTORY_DAYS } from './demo-history';

/**
 * Months of past replenishment requests for the demo facility, each taken through the request
 * machine to received, so fill rate and order cycle time say something on the first run. About
 * one in five first deliveries is short and a second one follows. Deterministic: the same past
 * on every first run.
 */
export function demoRequestHistory(today: string): SupplyRequest[] {
  const end = (parseIsoDate(today) ?? daysFromCivil(2026, 1, 1)) - 8;
  const start = end - DEMO_HISTORY_DAYS;
  const requests: SupplyRequest[] = [];
  const at = (day: number, hour: number) =>
    `${isoDateFromDays(day)}T${String(hour).padStart(2, '0')}:15:00Z`;
  for (let n = 0, day = start + 2; day < end - 3; n += 1, day += 4) {
    const level = DEMO_PAR_LEVELS[n % DEMO_PAR_LEVELS.length];
    if (!level) break;
    const quantity = 20 + ((n * 37) % 60);
    const short = n % 5 === 2;
    const id = `REQ-DEMO-HIST-${String(n + 1).padStart(3, '0')}`;
    let request: SupplyRequest = {
      id,
      facilityId: DEMO_FACILITY,
      kind: 'replenishment',
      priority: n % 7 === 3 ? 'urgent' : 'routine',
      locationId: level.locationId,
      lines: [{ itemId: level.itemId, quantity }],
      status: 'draft',
      history: [{ status: 'draft', at: at(day, 7), by: 'USR-TESS' }],
      createdBy: 'USR-TESS',
      createdAt: at(day, 7),
      parLevelId: level.id,
    };
    const first = short ? quantity - 5 - (n % 7) : quantity;
    const steps: [RequestStatus, Omit<TransitionStamp, 'at'> & { day: number; hour: number }][] = [
      ['submitted', { by: 'USR-TESS', day, hour: 7 }],
      ['acknowledged', { by: 'USR-SAM', day, hour: 9, approval: { policyVersion: 0, levels: 0 } }],
      ['ordered', { by: 'erp:demo:buyer', day, hour: 11 }],
      [
        'shipped',
        {
          by: 'erp:demo:dock',
          day: day + 1,
          hour: 14,
          lines: [{ itemId: level.itemId, quantity: first }],
        },
      ],
      [
        'received',
        {
          by: 'USR-TESS',
          day: day + 2,
          hour: 8,
          lines: [{ itemId: level.itemId, quantity: first }],
        },
      ],
    ];
    if (short) {
      const rest = [{ itemId: level.itemId, quantity: quantity - first }];
      steps.push(['shipped', { by: 'erp:demo:dock', day: day + 3, hour: 14, lines: rest }]);
      steps.push(['received', { by: 'USR-TESS', day: day + 4, hour: 8, lines: rest }]);
    }
    for (const [to, { day: when, hour, ...stamp }] of steps) {
      const moved = transition(request, to, { ...stamp, at: at(when, hour) });
      // The steps above are the machine's own path; a refusal would be a bug in this generator.
      if (!moved.ok) throw new Error(`demo request ${id}: ${moved.error.message}`);
      request = moved.value;
    }
    requests.push(request);
  }
  return requests;
}
