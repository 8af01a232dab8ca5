import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible } from './pages/evidence';

test('a PC without a usable camera says so alone, without asking to hold a label steady', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await page.getByRole('button', { name: 'Camera' }).click();
  const panel = page.getByTestId('camera-panel');
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(panel.getByTestId('camera-last')).toHaveCount(0);
  await expect(panel.getByLabel('Camera view')).toBeHidden();
  await expectAccessible(page, 'camera panel (no camera)');
});
