import { describe, expect, it } from 'vitest';
import { readConfig } from '../../sync/config';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('endpoint settings for device tokens and rate limits', () => {
  it('default to 30-day tokens, a 24-hour overlap and the documented limits', () => {
    const config = readConfig({});
    expect(config.deviceTokens).toEqual({ ttlMs: 30 * DAY_MS, overlapMs: DAY_MS });
    expect(config.rateLimits).toEqual({
      perAddress: 6000,
      perCredential: 3000,
      enrolPerAddress: 60,
    });
  });

  it('read DEVICE_TOKEN_* and RATE_LIMIT_* from the environment', () => {
    const config = readConfig({
      DEVICE_TOKEN_TTL_DAYS: '7',
      DEVICE_TOKEN_OVERLAP_HOURS: '2',
      RATE_LIMIT_PER_ADDRESS: '100',
      RATE_LIMIT_PER_CREDENTIAL: '50',
      RATE_LIMIT_ENROL_PER_ADDRESS: '5',
    });
    expect(config.deviceTokens).toEqual({ ttlMs: 7 * DAY_MS, overlapMs: 2 * 60 * 60 * 1000 });
    expect(config.rateLimits).toEqual({ perAddress: 100, perCredential: 50, enrolPerAddress: 5 });
  });

  it.each([
    ['DEVICE_TOKEN_TTL_DAYS', '0'],
    ['DEVICE_TOKEN_TTL_DAYS', '1.5'],
    ['DEVICE_TOKEN_OVERLAP_HOURS', '-1'],
    ['RATE_LIMIT_PER_ADDRESS', 'lots'],
    ['RATE_LIMIT_ENROL_PER_ADDRESS', '0'],
  ])('refuse %s=%s with a message naming the setting', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(
      new RegExp(`${name} must be a positive integer`),
    );
  });
});
