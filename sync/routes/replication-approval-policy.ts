import Type from 'typebox';
import { ApprovalPolicySchema } from '../../shared/model';
import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { storedPolicy } from '../store/approval-policies';
import { ErrorBody } from './collection-param';

/**
 * A PC fetches its facility's latest approval policy when it syncs and keeps it in a local
 * document (every RxDB collection slot is taken), so acknowledging offline applies it.
 */
export function replicationApprovalPolicyRoute(app: SyncApp, { database }: SyncContext): void {
  app.get(
    '/v1/replication/approval-policy',
    {
      schema: {
        tags: ['replication'],
        summary:
          "The device's facility's latest approval policy (device token); null before the first version",
        response: {
          200: Type.Object({ policy: Type.Union([ApprovalPolicySchema, Type.Null()]) }),
          401: ErrorBody,
        },
      },
    },
    async (request) => {
      const device = await authenticateDevice(database.db, request);
      return { policy: (await storedPolicy(database.db, device.facilityId)) ?? null };
    },
  );
}
