import type { SupplyRequest } from '../model';

/** What this PC knows of its link to the centre, read from the replication's saved state. */
export interface TransmissionContext {
  /** The PC has a central endpoint and a token; a demo or unenrolled PC never sends. */
  enrolled: boolean;
  /** Ids of supply requests written here whose push the centre has not acknowledged. */
  pending: ReadonlySet<string>;
  /** When a push or pull last succeeded, by this PC's clock. */
  lastSuccessAt?: string;
}

export type Transmission =
  | { state: 'on-this-pc'; message: string }
  | { state: 'awaiting-acknowledgement'; message: string }
  | { state: 'with-the-centre' };

// Statuses only the centre gives: a request in one of them has reached it.
const CENTRE_STATUSES: ReadonlySet<SupplyRequest['status']> = new Set([
  'approved',
  'rejected',
  'ordered',
  'shipped',
]);

/**
 * Where a request really is. "Submitted" is what the nurse manager chose, not proof that anyone
 * can see it: until the replication has pushed it and the centre acknowledged, it waits on this
 * PC, and the person must be told so, plainly, to phone if it cannot wait.
 */
export function requestTransmission(
  request: Pick<SupplyRequest, 'id' | 'status' | 'history'>,
  context: TransmissionContext,
): Transmission {
  if (CENTRE_STATUSES.has(request.status) || request.status === 'received') {
    return { state: 'with-the-centre' };
  }
  const lastLocalChange = request.history.at(-1)?.at ?? '';
  const sent =
    context.enrolled &&
    !context.pending.has(request.id) &&
    context.lastSuccessAt !== undefined &&
    context.lastSuccessAt >= lastLocalChange;
  if (!sent) {
    return {
      state: 'on-this-pc',
      message: context.enrolled
        ? 'Saved on this PC — sent when the network returns. If it cannot wait, phone the stockroom or the centre.'
        : 'Saved on this PC only: this PC is not connected to a centre. Phone the stockroom or the centre.',
    };
  }
  return request.status === 'submitted'
    ? {
        state: 'awaiting-acknowledgement',
        message: 'Sent — waiting for the centre to acknowledge it.',
      }
    : { state: 'with-the-centre' };
}
