import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { catchUpCentreBalances } from './centre-balances';

/**
 * How often the balances projection catches up in the background. A read of the network's stock
 * figures catches up first anyway; this keeps that read to the last minute's events.
 */
export const CENTRE_BALANCES_MS = 60_000;

export interface CentreBalancesTimer {
  stop(): Promise<void>;
}

/** Catches the balances projection up now and then every `intervalMs` until stopped. */
export function startCentreBalancesTimer(
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  intervalMs = CENTRE_BALANCES_MS,
): CentreBalancesTimer {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = () => {
    // A first catch-up over a large backlog can outlast the interval: never two from one process.
    if (busy) return;
    busy = true;
    running = catchUpCentreBalances(db, new Date(), () => stopped)
      .then(
        ({ events }) => {
          if (events > 0) log.debug({ events }, 'centre balances caught up');
        },
        (err: unknown) => log.error({ err }, 'centre balances catch-up failed'),
      )
      .finally(() => (busy = false));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
