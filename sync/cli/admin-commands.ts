import type { Kysely } from 'kysely';
import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  setApiKeyExpiry,
} from '../admin/api-keys';
import { listDevices, revokeDevice } from '../admin/devices';
import { addFacility, createEnrollment, listFacilities } from '../admin/facilities';
import { DEFAULT_CODE_TTL_MS } from '../auth/enrollment';
import { addConsoleUser, disableConsoleUser, listConsoleUsers } from '../console/console-users';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { parseDuration } from './arguments';

type Options = Record<string, string>;

/** One admin act: the admin API request it is, and the same act done on an open database. */
export interface AdminCall {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: object;
  direct(db: Kysely<Database>): Promise<object>;
}

export interface AdminCommand {
  usage: string;
  plan(options: Options): AdminCall;
}

function required(options: Options, name: string): string {
  const value = options[name];
  if (!value || value === 'true')
    throw new HttpError(400, 'MISSING_OPTION', `--${name} is required.`);
  return value;
}

function durationMs(text: string, option: string): number {
  const ms = parseDuration(text);
  if (!ms) {
    throw new HttpError(
      400,
      'DURATION_INVALID',
      `--${option} takes a duration such as 15m, 24h or 90d.`,
    );
  }
  return ms;
}

/** `--expires 90d` (from now), an ISO time, or `never`. */
function expiry(options: Options): string | null | undefined {
  const raw = options['expires'];
  if (raw === undefined) return undefined;
  if (raw === 'never') return null;
  if (/^\d+(ms|s|m|h|d)?$/.test(raw)) {
    return new Date(Date.now() + durationMs(raw, 'expires')).toISOString();
  }
  if (Number.isNaN(Date.parse(raw))) {
    throw new HttpError(
      400,
      'EXPIRY_INVALID',
      '--expires takes a duration (90d), an ISO time, or never.',
    );
  }
  return new Date(raw).toISOString();
}

const segment = encodeURIComponent;

export const COMMANDS: Record<string, AdminCommand> = {
  'facility add': {
    usage: 'facility add --id F --name N',
    plan(o) {
      const body = { id: required(o, 'id'), name: required(o, 'name') };
      return {
        method: 'POST',
        path: '/v1/admin/facilities',
        body,
        direct: (db) => addFacility(db, body),
      };
    },
  },
  'facility list': {
    usage: 'facility list',
    plan: () => ({
      method: 'GET',
      path: '/v1/admin/facilities',
      direct: (db) => listFacilities(db),
    }),
  },
  enroll: {
    usage: 'enroll --facility F [--ttl 24h]',
    plan(o) {
      const body = {
        facilityId: required(o, 'facility'),
        ttlMs: o['ttl'] ? durationMs(o['ttl'], 'ttl') : DEFAULT_CODE_TTL_MS,
      };
      return {
        method: 'POST',
        path: '/v1/admin/enrollment-codes',
        body,
        direct: (db) => createEnrollment(db, body),
      };
    },
  },
  'device list': {
    usage: 'device list [--facility F]',
    plan(o) {
      const facilityId = o['facility'];
      return {
        method: 'GET',
        path: `/v1/admin/devices${facilityId ? `?facilityId=${segment(facilityId)}` : ''}`,
        direct: (db) => listDevices(db, { facilityId }),
      };
    },
  },
  'device revoke': {
    usage: 'device revoke --device D',
    plan(o) {
      const deviceId = required(o, 'device');
      return {
        method: 'POST',
        path: `/v1/admin/devices/${segment(deviceId)}/revoke`,
        direct: (db) => revokeDevice(db, { deviceId }),
      };
    },
  },
  'api-key': {
    usage: 'api-key --name N --scopes events:read,recalls:write,... [--expires 90d|ISO]',
    plan(o) {
      const expiresAt = expiry(o);
      const body = {
        name: required(o, 'name'),
        scopes: required(o, 'scopes')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
      return {
        method: 'POST',
        path: '/v1/admin/api-keys',
        body,
        direct: (db) => createApiKey(db, body),
      };
    },
  },
  'api-key list': {
    usage: 'api-key list',
    plan: () => ({ method: 'GET', path: '/v1/admin/api-keys', direct: (db) => listApiKeys(db) }),
  },
  'api-key revoke': {
    usage: 'api-key revoke --id K',
    plan(o) {
      const id = required(o, 'id');
      return {
        method: 'POST',
        path: `/v1/admin/api-keys/${segment(id)}/revoke`,
        direct: (db) => revokeApiKey(db, { id }),
      };
    },
  },
  'api-key rotate': {
    usage: 'api-key rotate --id K [--expires 90d|ISO|never]',
    plan(o) {
      const id = required(o, 'id');
      const expiresAt = expiry(o);
      const body = expiresAt === undefined ? {} : { expiresAt };
      return {
        method: 'POST',
        path: `/v1/admin/api-keys/${segment(id)}/rotate`,
        body,
        direct: (db) => rotateApiKey(db, { id, ...body }),
      };
    },
  },
  'api-key expiry': {
    usage: 'api-key expiry --id K --expires 90d|ISO|never',
    plan(o) {
      const id = required(o, 'id');
      const expiresAt = expiry(o);
      if (expiresAt === undefined) {
        throw new HttpError(
          400,
          'MISSING_OPTION',
          '--expires is required (90d, an ISO time, or never).',
        );
      }
      return {
        method: 'PUT',
        path: `/v1/admin/api-keys/${segment(id)}/expiry`,
        body: { expiresAt },
        direct: (db) => setApiKeyExpiry(db, { id, expiresAt }),
      };
    },
  },
  'console-user add': {
    usage: 'console-user add --username U --role admin|buyer|analyst [--name "Full Name"]',
    plan(o) {
      // No --password: one is made and printed once, so no password sits in shell history.
      const body = {
        username: required(o, 'username'),
        role: required(o, 'role'),
        ...(o['name'] ? { displayName: o['name'] } : {}),
      };
      return {
        method: 'POST',
        path: '/v1/admin/console-users',
        body,
        direct: (db) => addConsoleUser(db, body),
      };
    },
  },
  'console-user list': {
    usage: 'console-user list',
    plan: () => ({
      method: 'GET',
      path: '/v1/admin/console-users',
      direct: (db) => listConsoleUsers(db),
    }),
  },
  'console-user disable': {
    usage: 'console-user disable --username U',
    plan(o) {
      const username = required(o, 'username');
      return {
        method: 'POST',
        path: `/v1/admin/console-users/${segment(username)}/disable`,
        direct: (db) => disableConsoleUser(db, { username }),
      };
    },
  },
};
