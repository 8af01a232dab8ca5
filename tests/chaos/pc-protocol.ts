import type { StockEvent, SupplyRequest } from '../../shared/model';
import type { WardDecision } from './workload';

/** What a worker needs to run one simulated PC. */
export interface PcSpec {
  name: string;
  /** The deviceId written into its events (fixed by the seed). */
  deviceId: string;
  facilityId: string;
  token: string;
  proxyUrl: string;
  /** Memory storage name: the same on restart, so the PC finds its data again. */
  dbName: string;
  seed: number;
}

export type PcRequestAction =
  | { kind: 'create'; request: SupplyRequest }
  | { kind: 'edit'; requestId: string; quantity: number; at: string }
  | { kind: 'submit' | 'cancel'; requestId: string; at: string }
  | { kind: 'decide'; requestId: string; decision: WardDecision; at: string };

/**
 * What a request action did on the PC: nothing (the rules refused it, or there was nothing to
 * do), a change, or a decision on the named proposal.
 */
export type PcRequestOutcome = false | true | { decided: string };

export type WorkerRequest = { id: number } & (
  | { op: 'open'; pc: PcSpec }
  | { op: 'insert'; pc: string; events: StockEvent[] }
  | { op: 'request'; pc: string; action: PcRequestAction }
  | { op: 'offline' | 'online' | 'restart' | 'close'; pc: string }
  | { op: 'kill'; pc: string; waitMs: number }
  | { op: 'snapshot'; pc: string; full: boolean }
);

export type WorkerReply = { id: number } & (
  { ok: true; value: unknown } | { ok: false; error: string }
);

export interface PcSnapshot {
  eventCount: number;
  events: StockEvent[];
  requests: SupplyRequest[];
  waiting: number;
  phase: string;
}

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;
export type PcCommand = Distribute<WorkerRequest>;
