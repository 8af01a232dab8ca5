import type { Locator } from '@playwright/test';
import type { DemoPerson } from '../../../renderer/seed/demo-people';

/** The approval panel of a count or an adjustment: a second person's badge and PIN. */
export async function confirmAsSecondPerson(
  panel: Locator,
  who: Pick<DemoPerson, 'badge' | 'pin'>,
): Promise<void> {
  await panel.getByRole('textbox', { name: "Approver's badge" }).fill(who.badge);
  await panel.getByRole('textbox', { name: "Approver's PIN" }).fill(who.pin);
  await panel.getByTestId('count-approve').click();
}
