import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. Only globally routable unicast addresses: loopback, link-local,
 * private, unique-local, CGNAT, multicast, broadcast, unspecified, reserved and documentation
 * ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused,
 * since each can reach the centre itself or its neighbours (the cloud metadata service lives at
 * 169.254.169.254). `allowLoopback` is the development setting WEBHOOK_ALLOW_HTTP_LOOPBACK.
 */
export interface DestinationRules {
  allowLoopback: boolean;
}

/** Why an address is refused (ipaddr.js's range name), or null when a webhook may go there. */
export function refusedAddress(address: string, rules: DestinationRules): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  // ipaddr.js reads odd spellings (0x7f000001, 2130706433, 0177.0.0.1, 127.1) as the address they
  // reach, so they are judged as that address.
  if (!ipaddr.isValid(bare)) return 'not-an-address';
  let parsed = ipaddr.parse(bare);
  // ::ffff:a.b.c.d reaches a.b.c.d: judge it as the IPv4 address it is.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (range === 'loopback' && rules.allowLoopback) return null;
  return range;
}

export function isLoopback(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return false;
  const parsed = ipaddr.process(bare);
  return parsed.range() === 'loopback';
}

/** An IP literal as a URL's hostname gives it (IPv6 in brackets), or null for a name. */
export function literalAddress(hostname: string): string | null {
  const bare =
    hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))
    ? bare
    : null;
}
