import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage, person } from './app-page';
import { wedgeScan } from './wedge';

export class IssuePage {
  readonly hardStop: Locator;
  readonly itemCard: Locator;
  constructor(readonly page: Page) {
    this.hardStop = page.getByTestId('hard-stop');
    this.itemCard = page.getByTestId('item-card');
  }

  /** A tech signs in by badge, opens Issue and scans the shelf the stock comes from. */
  static async ready(page: Page, shelfBarcode: string, shelfName: RegExp): Promise<IssuePage> {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Issue', 'Issue to a department');
    const issue = new IssuePage(page);
    await issue.from(shelfBarcode, shelfName);
    return issue;
  }

  /** Scanning a shelf label sets where the stock is taken from. */
  async from(shelfBarcode: string, shelfName: RegExp): Promise<void> {
    await wedgeScan(this.page, shelfBarcode);
    await expect(this.page.getByRole('combobox', { name: 'From' })).toHaveValue(shelfName);
  }

  async scanItem(label: string): Promise<void> {
    await wedgeScan(this.page, label);
    await expect(this.itemCard).toBeVisible();
  }

  async quantity(n: number): Promise<void> {
    await this.page.getByLabel('Quantity', { exact: true }).fill(String(n));
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('issue-confirm').click();
    // Earlier issues' toasts may still be up: the card cleared says this one is done.
    await expect(this.page.getByText('Issued', { exact: true }).first()).toBeVisible();
    await expect(this.itemCard).toHaveCount(0);
  }

  lastTone(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-last-tone');
  }
}
