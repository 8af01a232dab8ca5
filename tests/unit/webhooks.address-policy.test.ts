import { describe, expect, it } from 'vitest';
import { refusedAddress } from '../../sync/webhooks/address-policy';
import {
  checkUrlShape,
  guardedLookup,
  RefusedDestination,
  type ResolvedAddress,
} from '../../sync/webhooks/destination';
import { EVENT_READ_SCOPES, readableEventTypes } from '../../sync/webhooks/event-scopes';
import { WEBHOOK_EVENT_TYPES } from '../../sync/webhooks/event-types';

const STRICT = { allowLoopback: false };
const DEV = { allowLoopback: true };

describe('webhook address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fdff:ffff::1', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['[::ffff:a9fe:a9fe]', 'linkLocal'],
    ['0x7f000001', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['127.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['192.0.2.1', 'reserved'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedAddress(address, STRICT)).toBe(range);
  });

  it('allows public unicast, and loopback only under the development setting', () => {
    expect(refusedAddress('93.184.216.34', STRICT)).toBeNull();
    expect(refusedAddress('2606:4700::1111', STRICT)).toBeNull();
    expect(refusedAddress('100.128.0.1', STRICT)).toBeNull();
    expect(refusedAddress('172.32.0.1', STRICT)).toBeNull();
    expect(refusedAddress('127.0.0.1', DEV)).toBeNull();
    expect(refusedAddress('::ffff:127.0.0.1', DEV)).toBeNull();
    expect(refusedAddress('10.0.0.1', DEV)).toBe('private');
    expect(refusedAddress('169.254.169.254', DEV)).toBe('linkLocal');
  });

  it('reads odd spellings in a URL as the address they reach', () => {
    for (const host of ['0x7f000001', '2130706433', '0177.0.0.1', '127.1', '[::ffff:7f00:1]']) {
      expect(() => checkUrlShape(`https://${host}/`, STRICT), host).toThrow(RefusedDestination);
    }
    expect(checkUrlShape('https://127.1:8443/x', DEV).hostname).toBe('127.0.0.1');
    expect(() => checkUrlShape('http://93.184.216.34/', DEV)).toThrow(RefusedDestination);
    expect(() => checkUrlShape('http://127.0.0.1/', STRICT)).toThrow(RefusedDestination);
  });

  it('the delivery lookup hands the socket only addresses it checked, and refuses a mixed answer', async () => {
    const answers: Record<string, ResolvedAddress[]> = {
      'ok.test': [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
      'mixed.test': [
        { address: '93.184.216.34', family: 4 },
        { address: '169.254.169.254', family: 4 },
      ],
    };
    const policy = { ...STRICT, resolve: async (name: string) => answers[name] ?? [] };
    const lookup = guardedLookup('https:', policy);
    const run = (name: string, options: { all?: boolean; family?: number }) =>
      new Promise<unknown>((resolve, reject) =>
        lookup(name, options as never, (error, address, family) =>
          error ? reject(error) : resolve(family === undefined ? address : { address, family }),
        ),
      );
    expect(await run('ok.test', { all: true })).toEqual(answers['ok.test']);
    expect(await run('ok.test', { family: 6 })).toEqual({ address: '2606:4700::1111', family: 6 });
    await expect(run('mixed.test', { all: true })).rejects.toBeInstanceOf(RefusedDestination);
    await expect(run('gone.test', {})).rejects.toBeInstanceOf(RefusedDestination);
  });
});

describe('webhook event types and read scopes', () => {
  it('every event type needs a read scope, and no scope reads what it should not', () => {
    for (const type of WEBHOOK_EVENT_TYPES) expect(EVENT_READ_SCOPES[type], type).toBeDefined();
    expect(readableEventTypes(['webhooks:manage'])).toEqual([]);
    expect(readableEventTypes(['webhooks:manage', 'users:write'])).toEqual([]);
    expect(readableEventTypes(['events:read']).sort()).toEqual([
      'label.printed',
      'stock_event.recorded',
    ]);
    expect(readableEventTypes(['users:read'])).toEqual(['user.changed']);
  });
});
