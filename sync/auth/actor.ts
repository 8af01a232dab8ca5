/** Who is calling: a stockroom device, an ERP API key, or the command line. */
export type Actor =
  | { type: 'device'; id: string; facilityId: string; name: string }
  | { type: 'api-key'; id: string; name: string; scopes: readonly string[] }
  | { type: 'cli'; id: string }
  /** A centre administrator: the admin credential today, the console's session later. */
  | { type: 'admin'; id: string };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** What a write did, for the audit log; set by the handler. */
    auditDetail: Record<string, unknown> | null;
  }
}

export function actorLabel(actor: Actor | null): { type: string; id: string } {
  if (!actor) return { type: 'anonymous', id: '-' };
  if (actor.type === 'api-key') return { type: 'api-key', id: actor.name };
  return { type: actor.type, id: actor.id };
}
