import fc from 'fast-check';
import { expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../shared/model';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { API_SCOPES } from '../../sync/auth/api-key-auth';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';

/** What PostgreSQL or the number types refuse and a JSON Schema validator lets through unless told. */
const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', '\u0007bell', 'é\u009F'];
const HOSTILE_NUMBERS = [1.5, 1e26, 2 ** 63, -(2 ** 63) - 1, -1, 1e308];
const HOSTILE_QUERY = [
  '%C0%80',
  '1.5',
  '1e26',
  '99999999999999999999',
  '-1',
  '\u0000',
  '\uD800',
  'NaN',
];
/** The admin API is fuzzed as the admin: refused at the door, its own checks were never reached. */
const ADMIN = 'adm_hostile-fuzz-test-credential';
const HOSTILE_VALUES: unknown[] = [...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, { '\u0000': 1 }];

/** encodeURIComponent, except that a lone surrogate goes out as its raw (invalid UTF-8) bytes. */
function encodeAnything(value: string): string {
  return [...value]
    .map((char) => {
      const unit = char.charCodeAt(0);
      if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
        return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
      return encodeURIComponent(char);
    })
    .join('');
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProperties: string[] | null;
  bodyIsArray: boolean;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

function operations(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const schema = op.requestBody?.content['application/json']?.schema;
      const objectSchema = schema?.type === 'array' ? schema.items : schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: objectSchema?.properties ? Object.keys(objectSchema.properties) : null,
        bodyIsArray: schema?.type === 'array',
      };
    }),
  );
}

describeOnBackends(
  'sync: hostile input never answers 5xx',
  'hostile_fuzz',
  (server) => {
    async function credentials() {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const key = await createApiKey(server(), [...API_SCOPES]);
      return { facility, device, key };
    }

    it('every route of the OpenAPI document refuses NUL, lone surrogates, huge and fractional numbers with a 4xx', async () => {
      const { device, key } = await credentials();
      const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as OpenApi;
      const ops = operations(doc).filter((op) => op.path !== '/v1/replication/{collection}/stream');
      expect(ops.length).toBeGreaterThan(10);
      const tokenFor = (path: string) =>
        path.startsWith('/v1/replication')
          ? device.token
          : path.startsWith('/v1/admin')
            ? ADMIN
            : key;
      const fill = (op: Operation, hostile: Record<string, string>) =>
        op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeAnything(hostile[name] ?? (name === 'collection' ? 'stock_events' : '1')),
        );
      const failures: string[] = [];
      const send = async (op: Operation, path: string, body?: unknown) => {
        const answer = await call(server(), op.method, path, tokenFor(op.path), body);
        if (answer.status >= 500) failures.push(`${op.method} ${path} ${JSON.stringify(body)}`);
      };
      for (const op of ops) {
        for (const name of op.pathParams) {
          for (const value of [...HOSTILE_STRINGS, ...HOSTILE_QUERY]) {
            await send(op, fill(op, { [name]: value }));
          }
        }
        for (const name of op.queryParams) {
          for (const value of HOSTILE_QUERY) {
            await send(op, `${fill(op, {})}?${name}=${encodeAnything(value)}`);
          }
        }
        for (const name of op.bodyProperties ?? []) {
          for (const value of HOSTILE_VALUES) {
            const object = { [name]: value };
            await send(op, fill(op, {}), op.bodyIsArray ? [object] : object);
          }
        }
      }
      expect(failures).toEqual([]);
    }, 240_000);

    it('integer parameters refuse fractions and numbers beyond what the database stores, naming the field', async () => {
      const { device, key } = await credentials();
      for (const value of ['1.5', '1e26', '99999999999999999999', '-1']) {
        const pull = await call(
          server(),
          'GET',
          `/v1/replication/stock_events/pull?checkpoint=${value}`,
          device.token,
        );
        expect(pull.status, value).toBe(400);
        expect(JSON.stringify(pull.body)).toContain('checkpoint');
        const events = await call(server(), 'GET', `/v1/erp/events?after=${value}`, key);
        expect(events.status, value).toBe(400);
      }
    });

    it('a NUL or a lone surrogate in a name is a 400 that names the field', async () => {
      const { key } = await credentials();
      const sample = SAMPLE_DOCUMENTS.recall_notices;
      for (const title of ['bad\u0000title', 'bad\uD800title', 'bell\u0007']) {
        const answer = await call(server(), 'POST', '/v1/erp/recalls', key, { ...sample, title });
        expect(answer.status).toBe(400);
        const body = answer.body as { errors: { field: string; message: string }[] };
        expect(body.errors.map((e) => e.field)).toContain('title');
        expect(body.errors[0]?.message).toMatch(/NUL, a control character or a lone surrogate/);
      }
    });

    it('pushed and upserted documents with a hostile value in any field get a 4xx', async () => {
      const { facility, device, key } = await credentials();
      const failures: string[] = [];
      for (const collection of COLLECTION_NAMES) {
        const sample = { ...SAMPLE_DOCUMENTS[collection], facilityId: facility } as Record<
          string,
          unknown
        >;
        for (const field of Object.keys(sample)) {
          for (const value of HOSTILE_VALUES) {
            const doc = { ...sample, [field]: value };
            const answer = await call(
              server(),
              'POST',
              `/v1/replication/${collection}/push`,
              device.token,
              [{ newDocumentState: doc }],
            );
            if (answer.status >= 500) failures.push(`push ${collection}.${field}=${String(value)}`);
          }
        }
      }
      for (const path of ['/v1/erp/items', '/v1/erp/users', '/v1/erp/locations']) {
        for (const value of HOSTILE_VALUES) {
          const answer = await call(server(), 'POST', path, key, [
            { id: 'X1', facilityId: facility, name: value },
          ]);
          if (answer.status >= 500) failures.push(`${path} name=${String(value)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('random strings and numbers anywhere in a recall notice never answer 5xx (fast-check)', async () => {
      const { key } = await credentials();
      const sample = SAMPLE_DOCUMENTS.recall_notices as unknown as Record<string, unknown>;
      const fields = Object.keys(sample);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fields),
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 12 }),
            fc.string({ unit: fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a', '\u001F') }),
            fc.double(),
            fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(Number),
          ),
          async (field, value) => {
            const answer = await call(server(), 'POST', '/v1/erp/recalls', key, {
              ...sample,
              [field]: value,
            });
            expect(answer.status, `${field}=${JSON.stringify(value)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 150 },
      );
    }, 120_000);
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]) },
);
