import { centreAdvances, centreProposes } from './centre';
import type { PcRequestAction, PcRequestOutcome } from './pc-protocol';
import type { FaultProxy } from './fault-proxy';
import type { PcFleet } from './pc-fleet';
import type { ServerProcess } from './server-process';
import { materialise, type ChaosPlan } from './workload';

export interface RunState {
  plan: ChaosPlan;
  fleet: PcFleet;
  server: ServerProcess;
  proxy: FaultProxy;
  apiKey: string;
  tokens: Map<string, string>;
  /** PCs killed and not yet restarted. */
  dead: Set<string>;
  /** PCs with replication stopped (offline spell). */
  offline: Set<string>;
  kills: { server: number; serverMidPush: number; clients: number; clientsMidPush: number };
  /** Request changes that took (a PC's edit, submit or cancel; the centre's next status). */
  requestChanges: { pc: number; centre: number };
  /** What the ERP proposed and the centre took, and what the wards decided: "requestId/proposalId". */
  substitutions: { proposed: Set<string>; decided: Set<string> };
  roundMs: number;
  say(text: string): void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the server is working on a push (or the wait is over); true when it is. */
async function untilPushing(proxy: FaultProxy, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (proxy.pushesAtServer() === 0 && Date.now() < deadline) await pause(2);
  return proxy.pushesAtServer() > 0;
}

/**
 * One round: PCs killed last round come back, offline spells begin and end, every PC records its
 * events of the round, people and the centre act on requests, replication runs for a while, and
 * the round's kills happen in the middle of pushes.
 */
export async function playRound(state: RunState, round: number): Promise<void> {
  const { plan, fleet } = state;
  for (const name of state.dead) {
    await fleet.run({ op: 'restart', pc: name });
    state.offline.delete(name);
  }
  state.dead.clear();

  for (const device of plan.devices) {
    const away = device.offline.has(round);
    if (away && !state.offline.has(device.name)) {
      await fleet.run({ op: 'offline', pc: device.name });
      state.offline.add(device.name);
    } else if (!away && state.offline.has(device.name)) {
      await fleet.run({ op: 'online', pc: device.name });
      state.offline.delete(device.name);
    }
  }

  if (round === 0) {
    for (const request of plan.requests) {
      const first = plan.devices.find((d) => d.facilityId === request.facilityId);
      if (first)
        await fleet.run({ op: 'request', pc: first.name, action: { kind: 'create', request } });
    }
  }

  // The round's kills wait for the pushes this round's work sets off, so they land mid-push.
  const serverKill = plan.serverKillRounds.includes(round) ? killServerMidPush(state, round) : null;
  const victim = plan.clientKills[round];
  const target = victim === null || victim === undefined ? undefined : plan.devices[victim];
  const doomed = target && !state.offline.has(target.name) ? target.name : undefined;
  let pcKill: Promise<void> | null = null;
  await Promise.all(
    plan.devices.map(async (device) => {
      const events = (device.eventsByRound[round] ?? []).map((d) => materialise(device, d));
      if (events.length > 0) await fleet.run({ op: 'insert', pc: device.name, events });
      if (device.name === doomed) pcKill = killPcMidPush(state, round, device.name);
    }),
  );

  for (const action of plan.requestActions[round] ?? []) {
    if (action.by === 'centre') {
      const facility = plan.requests.find((r) => r.id === action.requestId)?.facilityId;
      const pc = plan.devices.find((d) => d.facilityId === facility);
      const token = state.tokens.get(pc?.name ?? '') ?? '';
      if (action.kind === 'substitute') {
        const made = await centreProposes(state.server.url, state.apiKey, token, action);
        if (made) state.substitutions.proposed.add(made);
        continue;
      }
      if (
        await centreAdvances(state.server.url, state.apiKey, token, action.requestId, action.at)
      ) {
        state.requestChanges.centre += 1;
      }
      continue;
    }
    const device = plan.devices[action.device];
    if (!device) continue;
    const { by: _by, device: _device, ...pcAction } = action;
    const applied = (await fleet.run({
      op: 'request',
      pc: device.name,
      action: pcAction satisfies PcRequestAction,
    })) as PcRequestOutcome;
    if (applied !== false) state.requestChanges.pc += 1;
    if (typeof applied === 'object') state.substitutions.decided.add(applied.decided);
  }

  await pause(state.roundMs);
  await Promise.all([serverKill, pcKill]);
}

async function killServerMidPush(state: RunState, round: number): Promise<void> {
  const midPush = await untilPushing(state.proxy, 5_000);
  await state.server.kill();
  state.kills.server += 1;
  if (midPush) state.kills.serverMidPush += 1;
  state.say(`round ${round}: server SIGKILLed${midPush ? ' during a push' : ''}; restarting`);
  await pause(300);
  await state.server.start();
}

async function killPcMidPush(state: RunState, round: number, name: string): Promise<void> {
  const midPush = (await state.fleet.run({ op: 'kill', pc: name, waitMs: 3_000 })) as boolean;
  state.dead.add(name);
  state.kills.clients += 1;
  if (midPush) state.kills.clientsMidPush += 1;
  state.say(`round ${round}: ${name} killed${midPush ? ' during a push' : ''}`);
}
