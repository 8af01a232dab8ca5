import { expect, it } from 'vitest';
import { describeOnBackends } from './sync-helpers/backends';
import { enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';

const PAGE = 'http://127.0.0.1:4173';

describeOnBackends(
  'sync: stockroom pages on another origin may call the device routes',
  'cors',
  (server) => {
    it("answers the browser's preflight for pull, push, stream and enrolment", async () => {
      for (const [path, method] of [
        ['/v1/replication/stock_events/pull', 'GET'],
        ['/v1/replication/stock_events/push', 'POST'],
        ['/v1/replication/stock_events/stream', 'GET'],
        ['/v1/devices/enroll', 'POST'],
      ] as const) {
        const answer = await fetch(`${server().url}${path}`, {
          method: 'OPTIONS',
          headers: {
            origin: PAGE,
            'access-control-request-method': method,
            'access-control-request-headers': 'authorization, content-type',
          },
        });
        expect(answer.status, path).toBe(204);
        expect(answer.headers.get('access-control-allow-origin')).toBe('*');
        expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
        expect(answer.headers.get('access-control-allow-methods')).toContain(method);
      }
    });

    it('marks answers and the live stream readable by the page, and still refuses a call without a token', async () => {
      const device = await enrollDevice(server(), await addStaffedFacility(server()));
      const pull = await fetch(`${server().url}/v1/replication/stock_events/pull?checkpoint=0`, {
        headers: { origin: PAGE, authorization: `Bearer ${device.token}` },
      });
      expect(pull.status).toBe(200);
      expect(pull.headers.get('access-control-allow-origin')).toBe('*');
      const stop = new AbortController();
      const stream = await fetch(`${server().url}/v1/replication/stock_events/stream`, {
        headers: { origin: PAGE, authorization: `Bearer ${device.token}` },
        signal: stop.signal,
      });
      expect(stream.headers.get('access-control-allow-origin')).toBe('*');
      stop.abort();
      const anonymous = await fetch(`${server().url}/v1/replication/stock_events/pull`, {
        headers: { origin: PAGE },
      });
      expect(anonymous.status).toBe(401);
    });

    it('gives the ERP API no CORS headers: it is called server to server', async () => {
      const answer = await fetch(`${server().url}/v1/erp/events`, {
        method: 'OPTIONS',
        headers: { origin: PAGE, 'access-control-request-method': 'GET' },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  },
);
