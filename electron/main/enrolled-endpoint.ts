import { ENDPOINT_ADDRESS_MAX_LENGTH } from '../../shared/platform/desktop-bridge';

/** Longest endpoint address accepted: an origin plus a short path, never a document. */
export { ENDPOINT_ADDRESS_MAX_LENGTH };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type EndpointOrigin = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * The origin of the sync endpoint this PC is enrolled with: the one network destination the
 * page's Content-Security-Policy lets it reach once enrolled. https anywhere; plain http only on
 * this machine (a demo or a developer's `npm run sync`), as the policy before enrolment allows.
 */
export function enrolledEndpointOrigin(address: unknown): EndpointOrigin {
  if (typeof address !== 'string' || address.length === 0)
    return { ok: false, reason: 'the endpoint address must be a non-empty string' };
  if (address.length > ENDPOINT_ADDRESS_MAX_LENGTH)
    return {
      ok: false,
      reason: `the endpoint address is longer than ${ENDPOINT_ADDRESS_MAX_LENGTH} characters`,
    };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'the endpoint address is not a URL' };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'the endpoint address must not carry a user name or password' };
  if (url.protocol === 'https:') return { ok: true, origin: url.origin };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    return { ok: true, origin: url.origin };
  return {
    ok: false,
    reason: 'the endpoint address must be https (plain http only to 127.0.0.1 or localhost)',
  };
}
