import { useCallback } from 'react';
import type { RequestLine, SupplyRequest } from '../../shared/model';
import { randomId } from '../platform/random-id';
import { useSession } from '../session/session-store';
import { raiseRequestAs } from '../store/request-writer';
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
      const raised = await raiseRequestAs(
        db,
        { facilityId, actorId: user.id, now: () => new Date() },
        {
          id: randomId('REQ'),
          kind: args.kind,
          priority: 'routine',
          locationId: args.locationId,
          lines: args.lines,
          ...(args.parLevelId ? { parLevelId: args.parLevelId } : {}),
        },
      );
      return raised.ok ? raised : { ok: false, message: raised.message };
    },
    [db, facilityId, user],
  );
}
