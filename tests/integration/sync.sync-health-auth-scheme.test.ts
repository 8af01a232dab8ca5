import { expect, it } from 'vitest';
import { describeOnBackends } from './sync-helpers/backends';
import { createApiKey, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';

/**
 * Hostile-input audit: the first authentication step reads the Authorization scheme
 * case-insensitively (as RFC 9110 says), and sync-health must read it the same way, or a device
 * that writes `bearer` passes the first step as a device and is then looked up as an API key (401).
 */
describeOnBackends(
  'sync-health: the Authorization scheme in any case',
  'health_scheme',
  (server) => {
    const health = (facilityId: string, authorization: string) =>
      fetch(`${server().url}/v1/facilities/${facilityId}/sync-health`, {
        headers: { authorization },
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, unknown>,
      }));

    it('a device and an API key are recognised whatever the case of "Bearer"', async () => {
      const facility = await addStaffedFacility(server());
      const other = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const key = await createApiKey(server(), ['sync-health:read']);
      for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
        const own = await health(facility, `${scheme} ${device.token}`);
        expect(own, scheme).toMatchObject({ status: 200, body: { facilityId: facility } });
        // Recognised as the device it is: refused another facility, not taken for an unknown key.
        const elsewhere = await health(other, `${scheme}\t${device.token}`);
        expect(elsewhere, scheme).toMatchObject({
          status: 403,
          body: { code: 'FACILITY_MISMATCH' },
        });
        const erp = await health(facility, `${scheme} ${key}`);
        expect(erp, scheme).toMatchObject({ status: 200, body: { facilityId: facility } });
      }
      const unknown = await health(facility, 'bearer dev_not-a-real-token');
      expect(unknown.status).toBe(401);
    });
  },
);
