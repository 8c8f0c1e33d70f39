import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { apiFetch, createUser, requestAs, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { seedAndTrain, type SegmentKey } from './support/segment-moves';
import { Stack, startStack } from './support/stack';

const DAY = 86_400_000;

/**
 * Ops opens the segments page of a trained model: the segment whose playbook was measured against a holdout
 * (56/70 treated vs 48/80 held out converted) shows that playbook as its next best action with the lift and interval,
 * one click on Apply binds it; a segment without runs says "Not enough data" and why.
 */
describe('next best action on the segments page (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let fx: SlaFixtures;
  let admin: string;
  let segments: Record<SegmentKey, string>;
  let demoPush: { playbookId: string; versionId: string };

  beforeAll(async () => {
    stack = await startStack('nba-ui');
    browser = await launchBrowser();
    fx = await SlaFixtures.connect(stack.databaseUrl);
    admin = await signInToApi(stack);
    segments = await seedAndTrain(requestAs(stack, admin));
    // Past runs of a playbook in the email segment, as the lift dashboard measures them: the run rows and the
    // purchases are written directly (no workflow), two days back, inside the 90-day window.
    demoPush = await fx.playbook('Demo push');
    const startedAt = new Date(Date.now() - 2 * DAY);
    const enrol = async (heldOut: boolean, converts: boolean) => {
      const leadId = await fx.lead();
      const status = heldOut ? 'heldOut' : converts ? 'converted' : 'completed';
      await fx.run({
        leadId,
        membershipId: randomUUID(),
        segmentId: segments.email,
        playbook: demoPush,
        startedAt,
        status,
      });
      if (converts) await fx.event(leadId, 'purchase', new Date(startedAt.getTime() + 3_600_000));
    };
    for (let i = 0; i < 70; i += 1) await enrol(false, i < 56);
    for (let i = 0; i < 80; i += 1) await enrol(true, i < 48);
    const ops = await createUser(stack, admin, { role: 'ops', name: 'Olga Ops', email: 'olga@segflow.test' });
    await signInInBrowser(browser.page, stack.webUrl, ops);
  });
  afterAll(async () => {
    await fx?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('shows the recommendation with its interval and binds it in one click', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/segments`);
    const action = page.getByTestId(`segment-${segments.email}`).getByTestId('next-best-action');
    await action.getByRole('button', { name: 'Apply' }).waitFor();
    const text = await action.textContent();
    expect(text).toContain('Demo push');
    expect(text).toContain('conversion +20.0 pts vs holdout (95% CI +5.2 pts to +33.4 pts, 150 leads)');

    await action.getByRole('button', { name: 'Apply' }).click();
    await action.getByText('Applied: bound to this segment').waitFor();
    await page.getByTestId(`segment-${segments.email}`).getByRole('link', { name: 'Demo push' }).waitFor();
    const playbook = await (await apiFetch(stack, admin, `/api/playbooks/${demoPush.playbookId}`)).json();
    expect(playbook).toMatchObject({ segmentId: segments.email, holdoutPercent: 10 });
    expect(existsSync(await browser.screenshot('next-best-action'))).toBe(true);
  });

  it('says not enough data, and why, for a segment nothing was measured in', async () => {
    const { page } = browser;
    const action = page.getByTestId(`segment-${segments.quiet}`).getByTestId('next-best-action');
    expect(await action.textContent()).toContain('Not enough data');
    await action.getByText('Why').click();
    await action.getByText('needs ≥ 30 held-out and ≥ 30 treated leads of one playbook').waitFor();
  });
});
