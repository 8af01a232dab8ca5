import type { SyncApp, SyncContext } from '../context';
import { adminApiKeyRoutes } from './admin-api-keys';
import { adminDeviceRoutes } from './admin-devices';
import { adminFacilityRoutes } from './admin-facilities';
import { enrollRoutes } from './enroll';
import { erpAuditRoute } from './erp-audit';
import { erpEventsRoute } from './erp-events';
import { erpRecallRoute } from './erp-recalls';
import { erpRequestStatusRoute } from './erp-request-status';
import { erpUpsertRoutes } from './erp-upserts';
import { erpWebhookRoutes } from './erp-webhooks';
import { healthRoutes } from './health';
import { replicationPullRoute } from './replication-pull';
import { replicationPushRoute } from './replication-push';
import { replicationStreamRoute } from './replication-stream';
import { syncHealthRoute } from './sync-health';

export function registerRoutes(app: SyncApp, context: SyncContext): void {
  healthRoutes(app, context);
  enrollRoutes(app, context);
  replicationPullRoute(app, context);
  replicationPushRoute(app, context);
  replicationStreamRoute(app, context);
  syncHealthRoute(app, context);
  erpEventsRoute(app, context);
  erpRecallRoute(app, context);
  erpUpsertRoutes(app, context);
  erpRequestStatusRoute(app, context);
  erpWebhookRoutes(app, context);
  erpAuditRoute(app, context);
  adminFacilityRoutes(app, context);
  adminDeviceRoutes(app, context);
  adminApiKeyRoutes(app, context);
}
