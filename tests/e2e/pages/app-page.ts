import { expect, type Page } from '@playwright/test';
import { DEMO_PEOPLE, type DemoPerson } from '../../../renderer/seed/demo-people';
import { wedgeScan } from './wedge';

export function person(role: DemoPerson['role']): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

/** The app as a stockroom tech meets it: sign-in, the screen list, the lock. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(settings: { lockAfterSeconds?: number } = {}): Promise<void> {
    if (settings.lockAfterSeconds !== undefined) {
      await this.page.addInitScript((seconds) => {
        const key = 'stockroom.device-settings';
        const stored = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":0}') as {
          state: Record<string, unknown>;
        };
        stored.state['lockAfterSeconds'] = seconds;
        localStorage.setItem(key, JSON.stringify(stored));
      }, settings.lockAfterSeconds);
    }
    await this.page.goto('/');
    await expect(this.page.getByText('Scan your badge to sign in.')).toBeVisible({
      timeout: 30_000,
    });
  }

  /**
   * On a loaded two-core machine a synthetic keystroke can arrive late and split the burst, which
   * no real scanner does (playwright.config.ts); the badge is then "not known", and a person would
   * scan again. So does this, up to three times; a badge that is truly refused still fails.
   */
  async signInByBadge(who: DemoPerson): Promise<void> {
    const signedIn = this.page.getByTestId('signed-in-user');
    await expect(async () => {
      if ((await signedIn.isVisible()) && (await signedIn.textContent()) === who.name) return;
      await wedgeScan(this.page, who.badge);
      await expect(signedIn).toHaveText(who.name, { timeout: 6_000 });
    }).toPass({ intervals: [500], timeout: 25_000 });
    await expect(signedIn).toHaveText(who.name);
  }

  async signInByPin(who: DemoPerson): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Your name' }).click();
    await this.page.getByRole('option', { name: new RegExp(who.name) }).click();
    await this.page.getByRole('textbox', { name: 'PIN' }).fill(who.pin);
    await this.page.getByRole('button', { name: /Sign in|Unlock/ }).click();
    await expect(this.page.getByTestId('signed-in-user')).toHaveText(who.name);
  }

  /** Opens a screen from the list and waits until it, not the previous one, is showing. */
  async go(screen: string, heading: string | RegExp = screen): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: screen, exact: true })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  scan(data: string): Promise<void> {
    return wedgeScan(this.page, data);
  }
}
