import type { Dialog, Page } from 'playwright-core';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { apiFetch, createUser, signInInBrowser, signInToApi, signOutInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { until } from './support/eventually';
import { Stack, startStack } from './support/stack';

/** Answers the next confirm() with `accept` and resolves to its message. */
function answerNextConfirm(page: Page, accept: boolean): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog: Dialog) => {
      resolve(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

/**
 * The web app's router and data layer against the real stack: leaving the playbook editor with unsaved changes is
 * held, by the browser's Back button as by an in-app link, until the user agrees; and a `changed` on the inbox
 * stream refetches the page's data without a reload.
 */
describe('web navigation and live data (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: string;
  let fx: SlaFixtures;
  beforeAll(async () => {
    stack = await startStack('web-navigation');
    browser = await launchBrowser();
    admin = await signInToApi(stack);
    fx = await SlaFixtures.connect(stack.databaseUrl);
  });
  afterAll(async () => {
    await fx?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('holds the Back button and in-app links while the editor has unsaved changes', async () => {
    const created = await (
      await apiFetch(stack, admin, '/api/playbooks', { method: 'POST', body: { name: 'Unsaved guard' } })
    ).json();
    const { page } = browser;
    await signInInBrowser(page, stack.webUrl);
    await page.goto(`${stack.webUrl}/playbooks`);
    await page.getByRole('link', { name: 'Unsaved guard' }).click();
    await page.locator('[data-testid="node-intro"]').waitFor();
    const editorPath = new URL(page.url()).pathname;
    expect(editorPath).toBe(`/playbooks/${created.id}`);

    // The server refuses every save from now on, so the change below stays unsaved.
    await page.route('**/api/playbooks/*/draft', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"down for the test"}' }),
    );
    const canvas = (await page.getByTestId('playbook-canvas').boundingBox())!;
    await page.dragAndDrop('[data-testid="palette-wait"]', '[data-testid="playbook-canvas"]', {
      targetPosition: { x: canvas.width - 280, y: canvas.height / 2 },
    });
    await page.locator('[data-testid="node-wait-1"]').waitFor();
    await until(
      async () => page.getByTestId('save-status').textContent(),
      (t) => !(t ?? '').includes('All changes saved'),
    );

    // Back, refused: the editor and the unsaved node stay.
    const backRefused = answerNextConfirm(page, false);
    await page.evaluate(() => window.history.back());
    expect(await backRefused).toContain('unsaved changes');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(editorPath);
    expect(await page.locator('[data-testid="node-wait-1"]').count()).toBe(1);

    // An in-app link, refused.
    const linkRefused = answerNextConfirm(page, false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    expect(await linkRefused).toContain('unsaved changes');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(editorPath);

    // Back, agreed: the list it came from.
    const backAgreed = answerNextConfirm(page, true);
    await page.evaluate(() => window.history.back());
    await backAgreed;
    await page.waitForURL((url) => url.pathname === '/playbooks');
    await page.getByRole('link', { name: 'Unsaved guard' }).waitFor();
    await page.unroute('**/api/playbooks/*/draft');
  });

  it('refetches the inbox when its stream says changed', async () => {
    const rep = await createUser(stack, admin, { role: 'rep', name: 'Stream Rep', email: 'stream-rep@segflow.test' });
    const { page } = browser;
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, rep);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    // While it says Live the page does not poll (a resync each minute at most): a new task can only come from the stream.
    await page
      .getByRole('status', { name: 'Inbox updates' })
      .filter({ hasText: /^Live$/ })
      .waitFor({ timeout: 10_000 });
    await page.getByText('No open tasks').waitFor();
    const lead = await fx.lead({ name: 'Streamed Lead', ownerId: rep.id });
    await fx.task({
      leadId: lead,
      assigneeId: rep.id,
      createdAt: new Date(),
      dueAt: new Date(Date.now() + 86_400_000),
      title: 'Call back',
    });
    await page.getByRole('listitem').filter({ hasText: 'Streamed Lead' }).waitFor({ timeout: 4_000 });
  });
});
