/** Where an API key stands at `now`: one rule for the endpoint's answer and a console left open. */
export type ApiKeyState = 'active' | 'expired' | 'revoked';

export function apiKeyState(
  key: { revokedAt: string | Date | null; expiresAt: string | Date | null },
  now: Date,
): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
