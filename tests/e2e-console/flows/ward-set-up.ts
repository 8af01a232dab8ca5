import { expect, type APIRequestContext } from '@playwright/test';
import { staffUser } from '../../integration/sync-helpers/staff';
import type { ConsolePage } from '../console-page';

/**
 * What an integration administrator does before a ward can work, through the console's own screens
 * (the admin signed in): each spec used to write these steps out again.
 */

/** Adds a facility on the Facilities screen. */
export async function addFacilityOnScreen(
  console: ConsolePage,
  facility: { id: string; name: string },
): Promise<void> {
  const form = console.page.getByRole('form', { name: 'Add a facility' });
  await form.getByLabel('Facility id').fill(facility.id);
  await form.getByLabel('Name').fill(facility.name);
  await form.getByRole('button', { name: 'Add facility' }).click();
}

/**
 * Enrols a PC for a facility listed on the Facilities screen with the code the screen shows, as the
 * stockroom app would; answers the PC's token and device id.
 */
export async function enrolPcOnScreen(
  console: ConsolePage,
  api: APIRequestContext,
  facilityName: string,
  deviceName = `${facilityName} PC`,
): Promise<{ token: string; deviceId: string }> {
  const shown = console.page.getByTestId('enrolment-code-text');
  // A second facility's code replaces the first's: wait for the new one, a used code is refused.
  const before = (await shown.count()) > 0 ? await shown.textContent() : null;
  await console.page.getByRole('button', { name: `Enrol a PC for ${facilityName}` }).click();
  if (before) await expect(shown).not.toHaveText(before);
  const code = (await shown.textContent()) ?? '';
  const enrolled = await api.post('/v1/devices/enroll', {
    headers: { authorization: `Bearer ${code}` },
    data: { deviceName },
  });
  expect(enrolled.status()).toBe(201);
  return (await enrolled.json()) as { token: string; deviceId: string };
}

/** A facility and its PC, added and enrolled on the Facilities screen. */
export async function addWardWithPc(
  console: ConsolePage,
  api: APIRequestContext,
  ward: { id: string; name: string; deviceName?: string },
): Promise<{ token: string; deviceId: string }> {
  await addFacilityOnScreen(console, ward);
  return enrolPcOnScreen(console, api, ward.name, ward.deviceName);
}

/** An ERP API key with `scopes`, created on the Integration screen; answers its secret. */
export async function createKeyOnScreen(
  console: ConsolePage,
  name: string,
  scopes: readonly string[],
): Promise<string> {
  await console.go('Integration');
  const keyForm = console.page.getByRole('form', { name: 'Create an API key' });
  await keyForm.getByLabel('Name').fill(name);
  for (const scope of scopes) await keyForm.getByRole('checkbox', { name: scope }).check();
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  return (await console.page.getByTestId('api-key-secret').locator('code').textContent()) ?? '';
}

/**
 * The set-up an integration administrator does: a facility, its PC, and its nurse manager from the
 * ERP. Leaves the admin signed in; answers the PC's token.
 */
export async function setUpStaffedWard(
  console: ConsolePage,
  api: APIRequestContext,
  facilityId: string,
  name: string,
  nurseManager: string,
): Promise<{ token: string; key: string }> {
  await console.open();
  await console.signIn('admin');
  const { token } = await addWardWithPc(console, api, { id: facilityId, name });
  const key = await createKeyOnScreen(console, `erp-staff-${facilityId.toLowerCase()}`, [
    'users:write',
    'items:write',
    'locations:write',
  ]);
  const staffed = await api.put('/v1/erp/users', {
    headers: { authorization: `Bearer ${key}` },
    data: [staffUser(nurseManager, 'nurse-manager', [facilityId])],
  });
  expect(staffed.status()).toBe(200);
  return { token, key };
}
