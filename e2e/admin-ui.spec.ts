import { apiFetch, requestAs, signInInBrowser, signInToApi, signOutInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { until } from './support/eventually';
import { seedAndTrain } from './support/segment-moves';
import { Stack, startStack } from './support/stack';

/** The HTTP status of a sign-in with these credentials (through the API, as another device would). */
async function signInStatus(stack: Stack, email: string, password: string): Promise<number> {
  const response = await fetch(`${stack.apiUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

describe('admin screens (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack('admin-ui');
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const oneTimePassword = async () => (await browser.page.getByTestId('one-time-password').textContent())!;

  it('creates a team with a manager and an SLA policy on business hours, then edits the policy', async () => {
    // A first model (three segments) through the API, as ops would train it; first, before other tests add leads.
    const segments = await seedAndTrain(requestAs(stack, await signInToApi(stack)));
    const segmentId = segments.email;
    const segmentName = (
      (await (await apiFetch(stack, await signInToApi(stack), '/api/segments')).json()) as {
        id: string;
        name: string;
      }[]
    ).find((s) => s.id === segmentId)!.name;
    const { page } = browser;

    await page.goto(`${stack.webUrl}/admin/teams`);
    const team = page.getByRole('form', { name: 'New team' });
    await team.getByLabel('Team name').fill('West India');
    await team.getByLabel('Team id').fill('west');
    await team.getByLabel('Manager').selectOption({ label: 'Admin' });
    await team.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('row').filter({ hasText: 'west' }).waitFor();

    await page.goto(`${stack.webUrl}/admin/sla-policies`);
    await page.getByRole('button', { name: 'New policy' }).click();
    const form = page.getByRole('form', { name: 'New SLA policy' });
    await form.getByRole('combobox', { name: 'Segment' }).selectOption(segmentId);
    await form.getByLabel('First touch within (minutes)').fill('45');
    await form.getByRole('combobox', { name: 'Clock' }).selectOption('business');
    await form.getByLabel('Saturday').check();
    await form.getByRole('button', { name: 'Create policy' }).click();
    const row = page.getByRole('row').filter({ hasText: segmentName });
    await row.getByText('45 min').waitFor();

    await row.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit SLA policy' });
    await edit.getByLabel('First touch within (minutes)').fill('30');
    await edit.getByRole('button', { name: 'Save policy' }).click();
    await row.getByText('30 min').waitFor();

    const token = await signInToApi(stack);
    const policies = await (await apiFetch(stack, token, '/api/sla/policies')).json();
    expect(policies).toEqual([
      expect.objectContaining({
        segmentId,
        firstTouchWithinMinutes: 30,
        clock: 'business',
        calendar: {
          timeZone: 'Asia/Kolkata',
          workingHours: { days: [1, 2, 3, 4, 5, 6], start: '09:30', end: '18:30' },
          holidays: [],
        },
      }),
    ]);
    const teams = await (await apiFetch(stack, token, '/api/teams')).json();
    expect(teams).toEqual([expect.objectContaining({ id: 'west', name: 'West India', managerId: expect.any(String) })]);
  });

  it('creates a user with a one-time password, resets it and deactivates the user; the user changes their own', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/admin/users`);
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Name').fill('Kavya Menon');
    await form.getByLabel('Email').fill('kavya.menon@example.in');
    await form.getByLabel('Role').selectOption('rep');
    await form.getByRole('button', { name: 'Create user' }).click();
    const first = await oneTimePassword();
    expect(first).toMatch(/^\S{16}$/);
    expect(await signInStatus(stack, 'kavya.menon@example.in', first)).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row').filter({ hasText: 'kavya.menon@example.in' });
    await row.getByRole('button', { name: 'Reset password' }).click();
    const second = await oneTimePassword();
    expect(second).not.toBe(first);
    expect(await signInStatus(stack, 'kavya.menon@example.in', first)).toBe(401);
    expect(await signInStatus(stack, 'kavya.menon@example.in', second)).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();

    await row.getByLabel('Role of kavya.menon@example.in').selectOption('manager');
    await row.getByText('manager', { exact: true }).waitFor({ state: 'attached' });

    // The user changes the password themselves under Account.
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, { email: 'kavya.menon@example.in', password: second });
    await page.goto(`${stack.webUrl}/account`);
    const change = page.getByRole('form', { name: 'Change password' });
    await change.getByLabel('Current password').fill(second);
    await change.getByLabel('New password (at least 8 characters)').fill('kavya-own-password');
    await change.getByLabel('New password again').fill('kavya-own-password');
    await change.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
    expect(await signInStatus(stack, 'kavya.menon@example.in', 'kavya-own-password')).toBe(200);

    // Back as the admin: deactivating ends sign-in.
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl);
    await page.goto(`${stack.webUrl}/admin/users`);
    await page
      .getByRole('row')
      .filter({ hasText: 'kavya.menon@example.in' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await page.getByRole('row').filter({ hasText: 'kavya.menon@example.in' }).getByText('deactivated').waitFor();
    expect(await signInStatus(stack, 'kavya.menon@example.in', 'kavya-own-password')).toBe(401);
  });

  it('creates an API key shown once, which posts leads until it is revoked', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/admin/api-keys`);
    await page.getByLabel('Key name').fill('website form');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())!;
    const postLead = () =>
      fetch(`${stack.apiUrl}/api/leads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ externalId: 'admin-ui-lead', name: 'Ravi' }),
      });
    expect((await postLead()).status).toBe(201);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);

    const row = page.getByRole('row').filter({ hasText: 'website form' });
    expect(await row.textContent()).toContain(key.slice(0, 10));
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/revoked/).waitFor();
    expect((await postLead()).status).toBe(401);
  });

  it('shows how the channels are configured, without secrets', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/admin/channels`);
    const email = page.getByLabel('Email settings');
    await email.waitFor();
    expect(await email.textContent()).toMatch(/Sending/);
    expect(await page.getByLabel('WhatsApp settings').textContent()).toMatch(/Sending/);
  });

  it('runs the scheduled retrain now from the segments page; its notification leads to the candidate with its drift', async () => {
    const { page } = browser;
    const token = await signInToApi(stack);
    await page.goto(`${stack.webUrl}/segments`);
    await page
      .getByTestId('retrain-schedule')
      .getByText(/Weekly \(Mondays 03:00, UTC\)/)
      .waitFor();
    await page.getByRole('button', { name: 'Run scheduled retrain now' }).click();
    const schedule = await until(
      async () => (await apiFetch(stack, token, '/api/segment-models/schedule')).json(),
      (s) => s.lastRun?.outcome?.kind === 'candidate',
      90_000,
    );

    await page.goto(`${stack.webUrl}/dashboard`);
    const notice = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: 'drift' });
    await notice.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(`**/segments?model=${schedule.lastRun.outcome.modelId}`);
    const candidate = page.getByLabel('Candidate model');
    expect(await candidate.getByTestId('drift-level').textContent()).toMatch(/^(Low|Medium|High) drift \(score /);
    await candidate.getByRole('button', { name: 'Discard' }).click();
    await page.getByText('Candidate discarded.').waitFor();
  });
});
