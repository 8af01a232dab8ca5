import { useCallback } from 'react';
import type { RequestLine, SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { randomId } from '../platform/random-id';
import { useSession } from '../session/session-store';
import { useServices } from './services';

export type RaiseOutcome = { ok: true; request: SupplyRequest } | { ok: false; message: string };

/** Creates a replenishment or two-bin request as a draft and submits it (shared state machine). */
export function useRaiseRequest() {
  const { db, facilityId } = useServices();
  const user = useSession((s) => s.user);
  return useCallback(
    async (args: {
      kind: 'replenishment' | 'two-bin';
      locationId: string;
      lines: RequestLine[];
      parLevelId?: string;
    }): Promise<RaiseOutcome> => {
      if (!user) return { ok: false, message: 'Sign in first.' };
      const now = new Date().toISOString();
      const draft: SupplyRequest = {
        id: randomId('REQ'),
        facilityId,
        kind: args.kind,
        priority: 'routine',
        locationId: args.locationId,
        lines: args.lines,
        status: 'draft',
        history: [{ status: 'draft', at: now, by: user.id }],
        createdBy: user.id,
        createdAt: now,
        ...(args.parLevelId ? { parLevelId: args.parLevelId } : {}),
      };
      const submitted = transition(draft, 'submitted', { at: now, by: user.id });
      if (!submitted.ok) return { ok: false, message: submitted.error.message };
      await db.supply_requests.insert(submitted.value);
      return { ok: true, request: submitted.value };
    },
    [db, facilityId, user],
  );
}
