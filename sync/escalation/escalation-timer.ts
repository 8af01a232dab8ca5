import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { sweepEscalations } from './escalation-sweep';

/** How often the ladder is swept: the shortest default window (STAT, 15 min) is far longer. */
export const ESCALATION_SWEEP_MS = 60_000;

export interface EscalationTimer {
  stop(): Promise<void>;
}

/** Sweeps the escalation ladder now and then every `intervalMs` until stopped. */
export function startEscalationTimer(
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  intervalMs = ESCALATION_SWEEP_MS,
): EscalationTimer {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = sweepEscalations(db, new Date()).then(
      (reported) => {
        if (reported > 0) log.info({ reported }, 'requests escalated to the ERP');
      },
      (err: unknown) => log.error({ err }, 'escalation sweep failed'),
    );
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
