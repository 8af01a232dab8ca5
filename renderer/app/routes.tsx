import type { ReactNode } from 'react';
import type { Permission } from '../../shared/model';
import { AdjustScreen } from '../screens/adjust-screen';
import { CountApprovalsScreen } from '../screens/count-approvals-screen';
import { CountScreen } from '../screens/count-screen';
import { DashboardScreen } from '../screens/dashboard-screen';
import { IssueScreen } from '../screens/issue-screen';
import { LookupScreen } from '../screens/lookup-screen';
import { PickScreen } from '../screens/pick-screen';
import { ReceiveScreen } from '../screens/receive-screen';
import { ReplenishmentScreen } from '../screens/replenishment-screen';
import { ReturnScreen } from '../screens/return-screen';
import { RecallsScreen } from '../screens/recalls-screen';
import { RelabelScreen } from '../screens/relabel-screen';
import { ScannerSetupScreen } from '../screens/scanner-setup-screen';
import { SyncScreen } from '../screens/sync-screen';
import { TransferScreen } from '../screens/transfer-screen';
import { UrgentRequestsScreen } from '../screens/urgent-requests-screen';

export interface Route {
  id: string;
  label: string;
  /** Who may open it; undefined means everyone signed in. */
  permission?: Permission;
  render: () => ReactNode;
}

export const ROUTES: Route[] = [
  { id: 'dashboard', label: 'Dashboard', render: () => <DashboardScreen /> },
  { id: 'lookup', label: 'Look up', render: () => <LookupScreen /> },
  { id: 'issue', label: 'Issue', permission: 'stock.issue', render: () => <IssueScreen /> },
  { id: 'receive', label: 'Receive', permission: 'stock.receive', render: () => <ReceiveScreen /> },
  {
    id: 'transfer',
    label: 'Put away / transfer',
    permission: 'stock.transfer',
    render: () => <TransferScreen />,
  },
  { id: 'return', label: 'Return', permission: 'stock.return', render: () => <ReturnScreen /> },
  { id: 'count', label: 'Cycle count', permission: 'stock.count', render: () => <CountScreen /> },
  {
    id: 'count-approvals',
    label: 'Count approvals',
    permission: 'stock.adjust.approve',
    render: () => <CountApprovalsScreen />,
  },
  { id: 'adjust', label: 'Adjust', permission: 'stock.adjust', render: () => <AdjustScreen /> },
  {
    id: 'replenish',
    label: 'Replenishment',
    permission: 'request.create',
    render: () => <ReplenishmentScreen />,
  },
  {
    id: 'urgent',
    label: 'Urgent requests',
    permission: 'request.urgent',
    render: () => <UrgentRequestsScreen />,
  },
  {
    id: 'pick',
    label: 'Pick requests',
    permission: 'request.fulfil',
    render: () => <PickScreen />,
  },
  { id: 'recalls', label: 'Recalls', render: () => <RecallsScreen /> },
  { id: 'relabel', label: 'Relabel', permission: 'label.print', render: () => <RelabelScreen /> },
  { id: 'sync', label: 'Sync status', render: () => <SyncScreen /> },
  { id: 'scanner', label: 'Scanner set-up', render: () => <ScannerSetupScreen /> },
];
