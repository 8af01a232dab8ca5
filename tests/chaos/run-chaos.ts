import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StockEvent } from '../../shared/model';
import { parseChaosArgs } from './args';
import { centreEvents, centreRequests, enroll, facilityHealth, prepareCentre } from './centre';
import { CHAOS_FAULTS, NO_FAULTS, startFaultProxy } from './fault-proxy';
import { PcFleet } from './pc-fleet';
import { prng } from './prng';
import { playRound, type RunState } from './rounds';
import { serverProcess } from './server-process';
import { failed, requestsAgree, verify } from './verify';
import { makePlan, materialise } from './workload';

/**
 * `npm run chaos -- --devices N --events M --seed S`: simulated stockroom PCs (real RxDB running
 * renderer/replication) in several facilities, against the real server in a child process on
 * PGlite, through a proxy that drops, delays, duplicates, reorders and cuts; the server is
 * SIGKILLed and PCs are killed in the middle of pushes. Ends with one summary line and a non-zero
 * exit on any loss, duplicate or divergence.
 */
async function main(): Promise<number> {
  const options = parseChaosArgs(process.argv.slice(2));
  const started = Date.now();
  const say = (text: string) => {
    if (!options.quiet)
      process.stderr.write(`[chaos ${((Date.now() - started) / 1000).toFixed(1)}s] ${text}\n`);
  };
  const random = prng(options.seed);
  const plan = makePlan(random.fork('plan'), options.seed, options.devices, options.events);
  const created = new Map<string, StockEvent>();
  const dataDir = mkdtempSync(join(tmpdir(), 'stockroom-chaos-'));
  say(
    `${plan.devices.length} PCs in ${plan.facilities.length} facilities, ${plan.devices.reduce((n, d) => n + d.eventsByRound.flat().length, 0)} events over ${plan.rounds} rounds; data in ${dataDir}`,
  );
  const setup = await prepareCentre(dataDir, plan);
  const server = await serverProcess(dataDir);
  await server.start();
  const proxy = await startFaultProxy(server.port, random.fork('proxy'));
  const fleet = new PcFleet(plan.devices.length);
  try {
    const tokens = new Map<string, string>();
    for (const device of plan.devices) {
      const code = setup.codes.get(device.name) ?? '';
      const enrolled = await enroll(server.url, code, device.name);
      tokens.set(device.name, enrolled.token);
      device.enrolledId = enrolled.deviceId;
      for (const draft of device.eventsByRound.flat()) {
        const event = materialise(device, draft);
        created.set(event.id, event);
      }
    }
    await Promise.all(
      plan.devices.map((device) =>
        fleet.open(
          {
            name: device.name,
            deviceId: device.enrolledId ?? device.deviceId,
            facilityId: device.facilityId,
            token: tokens.get(device.name) ?? '',
            proxyUrl: proxy.url,
            dbName: `chaos${options.seed}${device.name}`,
            seed: options.seed * 1_000 + device.index,
          },
          device.index,
        ),
      ),
    );
    proxy.setFaults(CHAOS_FAULTS);
    const state: RunState = {
      plan,
      fleet,
      server,
      proxy,
      apiKey: setup.apiKey,
      tokens,
      dead: new Set(),
      offline: new Set(),
      kills: { server: 0, serverMidPush: 0, clients: 0, clientsMidPush: 0 },
      requestChanges: { pc: 0, centre: 0 },
      substitutions: { proposed: new Set(), decided: new Set() },
      roundMs: options.roundMs,
      say,
    };
    for (let round = 0; round < plan.rounds; round += 1) await playRound(state, round);

    say('the network heals; every PC comes back on line');
    proxy.setFaults(NO_FAULTS);
    for (const name of state.dead) await fleet.run({ op: 'restart', pc: name });
    state.dead.clear();
    for (const device of plan.devices) await fleet.run({ op: 'online', pc: device.name });
    state.offline.clear();

    const tokenOf = (facility: string) =>
      tokens.get(plan.devices.find((d) => d.facilityId === facility)?.name ?? '') ?? '';
    const expectedPerFacility = new Map<string, number>();
    for (const event of created.values()) {
      expectedPerFacility.set(
        event.facilityId,
        (expectedPerFacility.get(event.facilityId) ?? 0) + 1,
      );
    }
    const deadline = Date.now() + options.settleMs;
    for (;;) {
      const centre = await centreEvents(server.url, setup.apiKey);
      const snapshots = await Promise.all(plan.devices.map((d) => fleet.snapshot(d.name, false)));
      const behind = plan.devices.filter(
        (d, i) =>
          snapshots[i]?.eventCount !== expectedPerFacility.get(d.facilityId) ||
          snapshots[i]?.waiting !== 0,
      ).length;
      say(`settling: centre ${centre.length}/${created.size} events, ${behind} PCs behind`);
      if ((centre.length >= created.size && behind === 0) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    // Requests: a merge made at the centre travels back to the PCs, whose next push may merge
    // again; wait (within the settle time) until every PC holds the centre's versions.
    const requestsDeadline = Date.now() + 30_000;
    for (;;) {
      const centre = new Map(
        await Promise.all(
          plan.facilities.map(
            async (f) => [f, await centreRequests(server.url, tokenOf(f))] as const,
          ),
        ),
      );
      const snapshots = await Promise.all(plan.devices.map((d) => fleet.snapshot(d.name, false)));
      const apart = plan.devices.filter(
        (d, i) => !requestsAgree(snapshots[i]?.requests ?? [], centre.get(d.facilityId) ?? []),
      ).length;
      if (apart === 0 || Date.now() > requestsDeadline) break;
      say(`settling: ${apart} PCs' supply requests not yet as the centre's`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }

    const verdict = verify({
      created,
      centre: await centreEvents(server.url, setup.apiKey),
      centreRequests: new Map(
        await Promise.all(
          plan.facilities.map(
            async (f) => [f, await centreRequests(server.url, tokenOf(f))] as const,
          ),
        ),
      ),
      health: new Map(
        await Promise.all(
          plan.facilities.map(
            async (f) => [f, await facilityHealth(server.url, setup.apiKey, f)] as const,
          ),
        ),
      ),
      pcs: await Promise.all(
        plan.devices.map(async (d) => ({
          name: d.name,
          facilityId: d.facilityId,
          snapshot: await fleet.snapshot(d.name, true),
        })),
      ),
      substitutions: state.substitutions,
    });
    for (const line of verdict.notes) say(line);
    const f = proxy.stats;
    const k = state.kills;
    process.stdout.write(
      `chaos seed=${options.seed} devices=${plan.devices.length} facilities=${plan.facilities.length} rounds=${plan.rounds}` +
        ` | events created=${verdict.created} stored=${verdict.stored} duplicated=${verdict.duplicated} lost=${verdict.lost} altered=${verdict.altered}` +
        ` | PCs divergent=${verdict.pcsDivergent} foreign=${verdict.foreign} gaps=${verdict.gaps} alarms=${verdict.alarms} requests-divergent=${verdict.requestsDivergent}` +
        ` (request changes pc=${state.requestChanges.pc} centre=${state.requestChanges.centre})` +
        ` | substitutes proposed=${state.substitutions.proposed.size} decided=${state.substitutions.decided.size} lost=${verdict.substitutionsLost} unaccounted=${verdict.substitutionsUnaccounted} decisions-lost=${verdict.decisionsLost}` +
        ` | faults requests=${f.requests} dropped=${f.dropped} answers-lost=${f.answersLost} duplicated=${f.duplicated} cut=${f.cut} delayed=${f.delayed} overtaken=${f.overtaken} upstream-down=${f.upstreamDown}` +
        ` server-kills=${k.server} (mid-push ${k.serverMidPush}) pc-kills=${k.clients} (mid-push ${k.clientsMidPush})` +
        ` | ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return failed(verdict) ? 1 : 0;
  } finally {
    await fleet.close();
    await proxy.close();
    await server.stop();
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
