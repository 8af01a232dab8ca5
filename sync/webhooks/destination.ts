import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import {
  isLoopback,
  literalAddress,
  refusedAddress,
  type DestinationRules,
} from './address-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name → addresses; the system resolver in production, a scripted one in tests (DNS rebinding). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface DestinationPolicy extends DestinationRules {
  resolve: Resolve;
}

/** A destination the policy refuses; `message` is for the registering caller only. */
export class RefusedDestination extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedDestination';
  }
}

/**
 * The URL's own shape: https (http only to loopback under the development setting), no
 * credentials in it, and an IP literal (however spelt: the URL parser normalises 0x7f000001,
 * 2130706433, 0177.0.0.1 and 127.1 to 127.0.0.1) must be an allowed address.
 */
export function checkUrlShape(raw: string, rules: DestinationRules): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedDestination('The url is not a valid absolute URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RefusedDestination('The url must use https.');
  }
  if (url.protocol === 'http:' && !rules.allowLoopback) {
    throw new RefusedDestination(
      'The url must use https (plain http is allowed only to loopback, with the development setting WEBHOOK_ALLOW_HTTP_LOOPBACK=1).',
    );
  }
  if (url.username || url.password) {
    throw new RefusedDestination('The url must not carry a user name or password.');
  }
  const literal = literalAddress(url.hostname);
  if (literal) checkAddress(literal, url.protocol, rules);
  return url;
}

function checkAddress(address: string, protocol: string, rules: DestinationRules): void {
  const reason = refusedAddress(address, rules);
  if (reason) {
    throw new RefusedDestination(
      `The url's host is (or resolves to) a ${reason} address; webhooks go only to public addresses.`,
    );
  }
  if (protocol === 'http:' && !isLoopback(address)) {
    throw new RefusedDestination(
      'The url must use https (plain http is allowed only to a loopback address).',
    );
  }
}

/** Every address `hostname` resolves to, each allowed; refuses if any one is not. */
export async function resolveAllowed(
  hostname: string,
  protocol: string,
  policy: DestinationPolicy,
): Promise<ResolvedAddress[]> {
  const literal = literalAddress(hostname);
  if (literal) {
    checkAddress(literal, protocol, policy);
    return [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await policy.resolve(hostname);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0) {
    throw new RefusedDestination(`The url's host "${hostname}" does not resolve.`);
  }
  for (const { address } of addresses) checkAddress(address, protocol, policy);
  return addresses;
}

/** At registration: the URL's shape, then every address its host resolves to now. */
export async function checkDestination(raw: string, policy: DestinationPolicy): Promise<URL> {
  const url = checkUrlShape(raw, policy);
  await resolveAllowed(url.hostname, url.protocol, policy);
  return url;
}

/**
 * The `lookup` a delivery's socket connects through: it resolves once, refuses unless every
 * address is allowed, and hands the socket exactly the addresses it checked, so a name that
 * resolved to a public address at registration and to 169.254.169.254 now (DNS rebinding) is
 * never connected to.
 */
export function guardedLookup(protocol: string, policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, protocol, policy).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
        if (options.all) {
          callback(null, usable);
          return;
        }
        const first = usable[0];
        if (!first) {
          callback(
            Object.assign(new Error('no address of the family asked'), { code: 'ENOTFOUND' }),
            '',
            0,
          );
          return;
        }
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}
