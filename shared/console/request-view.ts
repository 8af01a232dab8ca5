import type { SupplyRequest } from '../model';
import type { LadderState } from '../replenishment/escalation-ladder';
import type { LineProgress } from '../replenishment/request-progress';
import { NEXT_STATUSES } from '../replenishment/request-status';
import { CENTRE_STEPS } from '../replenishment/request-step';
import type { ErpEscalation } from './request-escalation-shapes';

/** A supply request as the console's Requests screen lists it: where it is and how late. */
export interface RequestView {
  request: SupplyRequest;
  lines: LineProgress[];
  /** Where it stands on the escalation ladder under its facility's service levels; null: on time. */
  escalation: Pick<
    LadderState,
    'clock' | 'rung' | 'step' | 'message' | 'dueAt' | 'startedAt'
  > | null;
  /** The ERP rungs the centre recorded, by the clock or by a buyer's hand (who and why), oldest first. */
  erpEscalations: ErpEscalation[];
}

/** The steps the centre may take from where a request is: the machine's, less the stockroom's own. */
export function centreStepsFrom(status: SupplyRequest['status']): SupplyRequest['status'][] {
  return NEXT_STATUSES[status].filter((next) => CENTRE_STEPS.has(next));
}
