import { apiFetch, createUser, signInInBrowser, signInToApi, signOutInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

/**
 * As the users would: a manager opens the Calendars page, gives a rep a split Monday and own day off, sets the
 * team's holidays and is told which window overlaps; the rep then sees their own calendar and adds an
 * out-of-office period. Every change is checked through the API.
 */
describe('rep calendars (browser → web → API → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: string;
  let managerUser: { id: string; email: string; password: string };
  let repUser: { id: string; email: string; password: string };
  const calendarOf = async () => (await apiFetch(stack, admin, `/api/users/${repUser.id}/calendar`)).json();

  beforeAll(async () => {
    stack = await startStack('rep-calendar-ui');
    browser = await launchBrowser();
    admin = await signInToApi(stack);
    managerUser = await createUser(stack, admin, {
      role: 'manager',
      name: 'Meera Manager',
      email: 'meera@segflow.test',
    });
    expect(
      (
        await apiFetch(stack, admin, '/api/teams', {
          method: 'POST',
          body: { id: 'pune', name: 'Pune', managerId: managerUser.id },
        })
      ).status,
    ).toBe(201);
    repUser = await createUser(stack, admin, {
      role: 'rep',
      name: 'Asha Rep',
      email: 'asha@segflow.test',
      teamId: 'pune',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lets a manager set a rep's split Monday, own day off and the team holidays, naming an overlapping window", async () => {
    const { page } = browser;
    await signInInBrowser(
      page,
      stack.webUrl,
      { email: managerUser.email, password: managerUser.password },
      '/calendar',
    );
    await page.getByLabel('Rep', { exact: true }).selectOption(repUser.id);
    await page.getByText("SLA clocks on this rep's leads count the SLA policy's calendar").waitFor();
    await page.getByLabel("Own working hours (else the team's)").check();
    await page.getByLabel('Monday end 1').fill('12:00');
    await page.getByTestId('day-1').getByRole('button', { name: '+ window' }).click();
    await page.getByLabel('Monday start 2').fill('13:00');
    await page.getByLabel('Own holidays').fill('2026-12-31 Moving day');
    await page.getByRole('button', { name: 'Save hours and days off' }).click();
    await page.getByText("SLA clocks on this rep's leads count their own hours").waitFor();

    await page.getByLabel('Team holiday dates').fill('2026-10-02 Gandhi Jayanti\n2026-12-25 Christmas');
    await page.getByRole('button', { name: 'Save team holidays' }).click();
    await page.locator('[aria-label="Team holidays"]').getByRole('status').waitFor();

    const calendar = await calendarOf();
    expect(calendar.workingHours.week.filter((w: { day: number }) => w.day === 1)).toEqual([
      { day: 1, start: '09:00', end: '12:00' },
      { day: 1, start: '13:00', end: '17:00' },
    ]);
    expect(calendar.workingHours.week).toHaveLength(6);
    expect(calendar.holidays).toEqual([{ date: '2026-12-31', name: 'Moving day' }]);
    expect(calendar.teamHolidays).toEqual([
      { date: '2026-10-02', name: 'Gandhi Jayanti' },
      { date: '2026-12-25', name: 'Christmas' },
    ]);

    await page.getByLabel('Monday start 2').fill('11:00');
    await page.getByRole('button', { name: 'Save hours and days off' }).click();
    await page.getByText('Monday 11:00–17:00: overlaps another window of the same day').waitFor();
    await browser.screenshot('rep-calendar-manager');
  });

  it('shows a rep their own calendar with the team holidays, and lets them add an out-of-office period', async () => {
    const { page } = browser;
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, { email: repUser.email, password: repUser.password }, '/calendar');
    await page.getByText('Team holidays apply as well: Gandhi Jayanti, Christmas').waitFor();
    expect(await page.getByLabel('Rep', { exact: true }).count()).toBe(0);
    await page.getByLabel('From').fill('2099-03-02T09:00');
    await page.getByLabel('Until').fill('2099-03-06T18:00');
    await page.getByLabel('Note').fill('Conference');
    await page.getByRole('button', { name: 'Add period' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Conference' }).waitFor();
    const calendar = await calendarOf();
    expect(calendar.outOfOffice).toEqual([expect.objectContaining({ note: 'Conference' })]);
    await browser.screenshot('rep-calendar-rep');
  });
});
