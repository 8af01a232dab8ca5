import { expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CONSOLE_PEOPLE, type ConsolePerson } from './console-people';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** Screenshots land outside the repository when CONSOLE_SHOTS_DIR says where. */
const SHOTS = process.env['CONSOLE_SHOTS_DIR'] ?? 'test-results/console-screenshots';

/** The console as a person uses it: sign in, move between screens, look at what is shown. */
export class ConsolePage {
  /** `base`: another endpoint's address than the project's (the PostgreSQL spec runs two). */
  constructor(
    readonly page: Page,
    readonly base = '',
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.base}/console/`);
  }

  async signIn(person: ConsolePerson): Promise<void> {
    const { username, password, displayName } = CONSOLE_PEOPLE[person];
    await this.page.getByRole('textbox', { name: 'Username' }).fill(username);
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(this.page.getByTestId('signed-in-as')).toHaveText(displayName);
  }

  async go(
    screen:
      | 'Facilities and PCs'
      | 'Exceptions'
      | 'Requests'
      | 'Indicators'
      | 'Recalls'
      | 'Integration'
      | 'Audit'
      | 'Console people',
  ): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Console screens' })
      .getByRole('link', { name: screen })
      .click();
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(
      screen === 'Integration' ? 'Integration' : screen === 'Audit' ? 'Audit log' : screen,
    );
  }

  /** Every axe rule, every impact: the console's screens are held to no violation at all. */
  async expectNoAxeViolations(screen: string): Promise<void> {
    await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<{
              violations: { id: string; help: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => n.target),
      }));
    });
    expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  /** The screen at the two desk sizes the centre uses, full page. */
  async screenshots(name: string): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png`, fullPage: true });
    }
    await this.page.setViewportSize({ width: 1366, height: 768 });
  }
}
