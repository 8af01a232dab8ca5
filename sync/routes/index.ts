import type { SyncApp, SyncContext } from '../context';
import { enrollRoutes } from './enroll';
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
}
