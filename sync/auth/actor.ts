import type { ConsoleRole } from '../../shared/console';

/** Who is calling: a stockroom device, an ERP API key, the command line, or a person of the centre. */
export type Actor =
  | { type: 'device'; id: string; facilityId: string; name: string }
  | { type: 'api-key'; id: string; name: string; scopes: readonly string[] }
  | { type: 'cli'; id: string }
  /** The admin credential (lock file or ADMIN_TOKEN): every admin act. */
  | { type: 'admin'; id: string }
  /** A person signed in to the console: what their role allows (shared/console). */
  | { type: 'console-user'; id: string; name: string; role: ConsoleRole };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** What a write did, for the audit log; set by the handler. */
    auditDetail: Record<string, unknown> | null;
    /** The handler wrote its own audit line (a sign-in names the person even when refused). */
    auditRecorded: boolean;
  }
}

export function actorLabel(actor: Actor | null): { type: string; id: string } {
  if (!actor) return { type: 'anonymous', id: '-' };
  if (actor.type === 'api-key') return { type: 'api-key', id: actor.name };
  return { type: actor.type, id: actor.id };
}
