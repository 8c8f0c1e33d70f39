import type { Page } from 'playwright-core';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { apiFetch, createUser, E2E_ADMIN, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { until } from './support/eventually';
import { Stack, startStack } from './support/stack';

const MINUTE = 60_000;
const DAY = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const searchOf = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/**
 * The manager's dashboard keeps its filters in the URL: a link with a one-day range, a dimension and a picked row
 * opens that view (controls, drill-down, an hourly trend of that row), a change of filter writes the URL, Back
 * restores the view, and a hand-broken link opens with the defaults. Charts are recharts with tooltips.
 */
describe('dashboard charts and URL filters (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let fx: SlaFixtures;
  const manager = { email: 'charts.manager@segflow.test', name: 'Chart Manager' };
  let managerPassword: string;
  // Yesterday (UTC): inside the SLA monitor's window, and every hour of it is past.
  const day = isoDate(Date.now() - DAY);
  const at = (hhmm: string) => new Date(`${day}T${hhmm}:00Z`);
  let charted: string;

  beforeAll(async () => {
    stack = await startStack('dashboard-charts', { SLA_CHECK_INTERVAL_MS: '500' });
    browser = await launchBrowser();
    fx = await SlaFixtures.connect(stack.databaseUrl);
    const admin = await signInToApi(stack, E2E_ADMIN);
    const managerUser = await createUser(stack, admin, { role: 'manager', ...manager });
    managerPassword = managerUser.password;
    await apiFetch(stack, admin, '/api/teams', {
      method: 'POST',
      body: { id: 'charts', name: 'Charts', managerId: managerUser.id },
    });
    const rep = await createUser(stack, admin, {
      role: 'rep',
      name: 'Chart Rep',
      email: 'charts.rep@segflow.test',
      teamId: 'charts',
    });
    charted = await fx.segment('Charted');
    const elsewhere = await fx.segment('Elsewhere');
    for (const segmentId of [charted, elsewhere])
      await apiFetch(stack, admin, '/api/sla/policies', {
        method: 'POST',
        body: { segmentId, firstTouchWithinMinutes: 30, clock: 'wall' },
      });
    const playbook = await fx.playbook('Chart follow-up');
    // Charted: two entries at 09:xx touched after 10 and 20 minutes, one at 14:05 nobody touched (breached).
    // Elsewhere: one entry at 11:00 touched after 5 minutes.
    const entries: [string, string, string, number | null][] = [
      ['Chart Lead A', charted, '09:10', 10],
      ['Chart Lead B', charted, '09:20', 20],
      ['Chart Lead C', charted, '14:05', null],
      ['Chart Lead D', elsewhere, '11:00', 5],
    ];
    for (const [name, segmentId, time, touchedAfter] of entries) {
      const leadId = await fx.lead({ name, ownerId: rep.id });
      const membershipId = await fx.enter(leadId, segmentId, at(time));
      const runId = await fx.run({ leadId, membershipId, segmentId, playbook, startedAt: at(time) });
      if (touchedAfter !== null) {
        const closedAt = new Date(at(time).getTime() + touchedAfter * MINUTE);
        await fx.task({ leadId, runId, assigneeId: rep.id, createdAt: at(time), closedAt });
      }
    }
    await until(
      async () => (await fx.db.query(`SELECT count(*)::int AS n FROM sla_clocks`)).rows[0].n,
      (n) => n === 4,
      30_000,
    );
  });
  afterAll(async () => {
    await fx?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('opens the view a link names, writes filter changes to the URL, goes back, and shows tooltips', async () => {
    const { page } = browser;
    await signInInBrowser(page, stack.webUrl, { email: manager.email, password: managerPassword });
    await page.goto(`${stack.webUrl}/dashboard?from=${day}&to=${day}&groupBy=segment&row=${charted}`);

    // The link's filters are applied: controls, the picked row's leads, and its trend by the hour.
    const drill = page.getByRole('table', { name: 'Drill-down' }).getByRole('row');
    await drill.filter({ hasText: 'Chart Lead C' }).waitFor();
    expect(await drill.count()).toBe(1 + 3);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(day);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(day);
    expect(await page.getByLabel('Group by', { exact: true }).inputValue()).toBe('segment');
    const trend = page.getByRole('figure', { name: 'Entries and breach rate per hour (segment Charted)' });
    await trend.locator('.recharts-bar-rectangle').first().waitFor();
    await trend.getByText('Data', { exact: true }).click();
    const hours = trend.getByRole('table').getByRole('row');
    expect(await hours.count()).toBe(1 + 24);
    // hour, entries, breach rate (%): both 09:xx entries were touched in time, the 14:05 one breached.
    expect(await hours.filter({ hasText: `${day}T09:00` }).textContent()).toBe(`${day}T09:00:00.000Z20`);
    expect(await hours.filter({ hasText: `${day}T14:00` }).textContent()).toBe(`${day}T14:00:00.000Z1100`);
    expect(await hours.filter({ hasText: `${day}T11:00` }).textContent()).toBe(`${day}T11:00:00.000Z0—`);

    // Hovering a bar shows its figures: Charted's TTFT p50 of 10 and 20 minutes.
    const ttft = page.getByRole('figure', { name: 'Time to first touch by segment' });
    await ttft.locator('.recharts-bar-rectangle').first().hover();
    const tooltip = ttft.locator('.recharts-tooltip-wrapper');
    await tooltip.filter({ hasText: 'TTFT p50' }).waitFor();
    expect(await tooltip.textContent()).toMatch(/Charted.*TTFT p50\s*:\s*15 min.*TTFT p90\s*:\s*19 min/);
    await browser.screenshot('dashboard-charts');

    // A change of filter is a new URL (the picked row belonged to the old dimension); Back restores the view.
    await page.getByLabel('Group by', { exact: true }).selectOption('rep');
    await page.waitForURL((url) => url.searchParams.get('groupBy') === 'rep');
    expect(searchOf(page)).toEqual({ from: day, to: day, groupBy: 'rep' });
    await page.getByRole('table', { name: 'Drill-down' }).waitFor({ state: 'detached' });
    await page.getByLabel('From', { exact: true }).fill(isoDate(Date.now() - 2 * DAY));
    await page.waitForURL((url) => url.searchParams.get('from') === isoDate(Date.now() - 2 * DAY));
    await page.goBack();
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('row') === charted);
    expect(await page.getByLabel('Group by', { exact: true }).inputValue()).toBe('segment');
    await drill.filter({ hasText: 'Chart Lead A' }).waitFor();
    await page.reload();
    await drill.filter({ hasText: 'Chart Lead A' }).waitFor();
    expect(searchOf(page)).toEqual({ from: day, to: day, groupBy: 'segment', row: charted });
  });

  it('ignores invalid values in the URL and shows the defaults', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/dashboard?from=garbage&to=2026-02-30&groupBy=team&breached=maybe`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const today = isoDate(Date.now());
    await page.waitForURL((url) => url.searchParams.get('groupBy') === 'segment');
    expect(searchOf(page)).toEqual({ from: isoDate(Date.parse(today) - 29 * DAY), to: today, groupBy: 'segment' });
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(isoDate(Date.parse(today) - 29 * DAY));
    expect(await page.getByLabel('Group by', { exact: true }).inputValue()).toBe('segment');
    await page.getByRole('table', { name: 'Summary' }).getByRole('row').filter({ hasText: 'Charted' }).waitFor();
  });
});
