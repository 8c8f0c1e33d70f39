import { buildPlaybook } from '@segflow/playbook/testing';
import { Pool } from 'pg';
import type { Request, Response } from 'playwright-core';
import { SlaFixtures } from '../apps/api/src/testing/sla-fixtures';
import { apiFetch, createUser, E2E_ADMIN, signInInBrowser, signInToApi, signOutInBrowser } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually, until } from './support/eventually';
import { Stack, startStack } from './support/stack';

const settings = {
  goalEvents: ['demo_booked'],
  reentry: { policy: 'always' },
  quietHours: null,
  maxTouchesPerDay: null,
};

// route (round robin in the Inbound team) → call task the rep completes → exit.
const callFastPlaybook = buildPlaybook({
  settings,
  nodes: [
    { id: 'assign', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } },
    {
      id: 'call',
      type: 'task',
      config: {
        taskType: 'call',
        title: 'Call {{lead.firstName}} now',
        priority: 'urgent',
        dueInMinutes: 60,
        waitForCompletion: true,
        timeoutMinutes: 120,
      },
    },
    { id: 'end', type: 'exit', config: { reason: 'called' } },
    { id: 'late', type: 'exit', config: { reason: 'not-called' } },
  ],
  edges: ['entry.next->assign', 'assign.next->call', 'call.done->end', 'call.timedOut->late'],
} as never);

// route (round robin in the Inbound team) → a LinkedIn message, which becomes a task for the rep → exit.
const linkedinPlaybook = buildPlaybook({
  settings,
  nodes: [
    { id: 'assign', type: 'route', config: { rule: { kind: 'roundRobin', teamId: 'inbound' } } },
    {
      id: 'note',
      type: 'send',
      config: {
        channel: 'linkedin',
        body: 'Hi {{lead.firstName}}, saw {{lead.company}} is hiring in Pune. Worth a chat?',
        sender: { kind: 'owner' },
        onFailure: 'skip',
      },
    },
    { id: 'end', type: 'exit', config: { reason: 'noted' } },
  ],
  edges: ['entry.next->assign', 'assign.next->note', 'note.next->end'],
} as never);

/**
 * As the users would: a lead enters a high-intent segment (membership committed with its outbox row, as the
 * segment engine does) → the run routes it to a rep and creates a call task → the rep signs in, sees that task
 * first and completes it → the manager's dashboard shows the time to first touch under that rep and segment.
 * A second lead under a one-minute SLA nobody touches is reported as a breach, and the manager is notified.
 */
describe('reps and managers (browser → web → API → Temporal → worker → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let fx: SlaFixtures;
  let pool: Pool;
  let admin: string;
  let managerUser: { id: string; email: string; password: string };
  let repUser: { id: string; email: string; password: string };
  const manager = { email: 'meera@segflow.test', name: 'Meera Manager' };
  const rep = { email: 'asha@segflow.test', name: 'Asha Rep' };

  beforeAll(async () => {
    stack = await startStack('reps-ui', { SLA_CHECK_INTERVAL_MS: '500', OUTBOX_POLL_MS: '100' });
    browser = await launchBrowser();
    fx = await SlaFixtures.connect(stack.databaseUrl);
    pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
    admin = await signInToApi(stack, E2E_ADMIN);
    managerUser = await createUser(stack, admin, { role: 'manager', ...manager });
    expect(
      (
        await apiFetch(stack, admin, '/api/teams', {
          method: 'POST',
          body: { id: 'inbound', name: 'Inbound', managerId: managerUser.id },
        })
      ).status,
    ).toBe(201);
    repUser = await createUser(stack, admin, { role: 'rep', ...rep, teamId: 'inbound' });
  });
  afterAll(async () => {
    await pool?.end();
    await fx?.close();
    await browser?.close();
    await stack?.stop();
  });

  it('routes a high-intent lead to a rep who completes it first; the dashboard shows the TTFT under that rep and segment', async () => {
    const segmentId = await fx.segment('High intent');
    await apiFetch(stack, admin, '/api/sla/policies', {
      method: 'POST',
      body: { segmentId, firstTouchWithinMinutes: 30, clock: 'wall' },
    });
    const created = await (
      await apiFetch(stack, admin, '/api/playbooks', { method: 'POST', body: { name: 'Call fast' } })
    ).json();
    expect(
      (
        await apiFetch(stack, admin, `/api/playbooks/${created.id}/draft`, {
          method: 'PUT',
          body: { graph: callFastPlaybook, revision: created.draftRevision },
        })
      ).status,
    ).toBe(200);
    expect(
      (await apiFetch(stack, admin, `/api/playbooks/${created.id}/publish`, { method: 'POST', body: { note: 'e2e' } }))
        .status,
    ).toBe(201);
    expect(
      (
        await apiFetch(stack, admin, `/api/playbooks/${created.id}/binding`, {
          method: 'PUT',
          body: { segmentId, holdoutPercent: 0 },
        })
      ).status,
    ).toBe(200);

    // A lower-priority task already sits in the rep's inbox (no SLA clock, due tomorrow).
    const otherLead = await fx.lead({ name: 'Later Lead', ownerId: repUser.id });
    await fx.task({
      leadId: otherLead,
      assigneeId: repUser.id,
      createdAt: new Date(),
      dueAt: new Date(Date.now() + 86_400_000),
      title: 'Send the brochure',
    });

    const lead = await (
      await apiFetch(stack, admin, '/api/leads', {
        method: 'POST',
        body: { externalId: 'hot-1', name: 'Ravi Kumar', company: 'Pune Precision Tools', email: 'ravi@ppt.test' },
      })
    ).json();
    const membershipId = await fx.enter(lead.id, segmentId, new Date(), 'pricing page ×3 and a demo form');
    await pool.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1)`, [
      { leadId: lead.id, segmentId, membershipId, enteredAt: new Date().toISOString(), triggerEventId: null },
    ]);
    await until(
      async () =>
        (await pool.query(`SELECT 1 FROM tasks WHERE lead_id = $1 AND assignee_id = $2`, [lead.id, repUser.id]))
          .rowCount,
      (n) => n === 1,
      30_000,
    );

    const { page } = browser;
    await signInInBrowser(page, stack.webUrl, { email: rep.email, password: repUser.password });
    expect(new URL(page.url()).pathname).toBe('/inbox');
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Complete' }) });
    await cards.first().waitFor();
    expect(await cards.first().textContent()).toContain('Ravi Kumar');
    expect(await cards.first().textContent()).toContain('entered High intent');
    expect(await cards.nth(1).textContent()).toContain('Later Lead');
    // The ranking rule explains itself: the routed call is urgent and due within the hour (SLA clock or task).
    expect(await cards.first().getByLabel('Why this is first').textContent()).toMatch(
      /^Why this is first: (first touch|task) due in \d+ min · urgent priority · \d+% likely to convert \(rank 0\.\d\d\)$/,
    );
    expect(await cards.nth(1).getByLabel('Why this is #2').textContent()).toContain('task due in 24 h · high priority');
    await browser.screenshot('rep-inbox');
    // A task created while the rep watches appears without a reload, pushed over the inbox stream: while it says
    // Live the page does not poll (only a resync each minute), so the task can only have come from the stream.
    await page
      .getByRole('status', { name: 'Inbox updates' })
      .filter({ hasText: /^Live$/ })
      .waitFor({ timeout: 10_000 });
    const pushedLead = await fx.lead({ name: 'Pushed Lead', ownerId: repUser.id });
    await fx.task({
      leadId: pushedLead,
      assigneeId: repUser.id,
      createdAt: new Date(),
      dueAt: new Date(Date.now() + 2 * 86_400_000),
      title: 'Follow up',
    });
    await page.getByRole('listitem').filter({ hasText: 'Pushed Lead' }).waitFor({ timeout: 4_000 });
    await cards.first().getByLabel('Outcome').selectOption('connected');
    await cards.first().getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Ravi Kumar' }).waitFor({ state: 'detached' });
    // The waiting run heard the completion and finished.
    await until(
      async () => (await pool.query(`SELECT status FROM runs WHERE lead_id = $1`, [lead.id])).rows[0]?.status,
      (s) => s === 'completed' || s === 'exited',
      30_000,
    );

    // The rep's Leads page lists only their own leads and offers no way to add one; the nav has only their pages.
    await fx.lead({ name: 'Someone Else Lead' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'My leads' }).waitFor();
    const leadRows = page.getByRole('table', { name: 'Leads' }).getByRole('row');
    await leadRows.filter({ hasText: 'Ravi Kumar' }).waitFor();
    expect(
      (await leadRows.allTextContents())
        .slice(1)
        .map((t) => t.match(/^(Ravi Kumar|Later Lead|Pushed Lead|Someone Else Lead)/)?.[1])
        .sort(),
    ).toEqual(['Later Lead', 'Pushed Lead', 'Ravi Kumar']);
    expect(await page.getByRole('form', { name: 'New lead' }).count()).toBe(0);
    const navLinks = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    expect(
      await eventually(
        () => navLinks.allTextContents(),
        (labels) => labels.join() === 'Leads,Inbox,Calendars,Account',
        10_000,
      ),
      // The rep's pages, then the user menu's Account link (everyone's own password).
    ).toEqual(['Leads', 'Inbox', 'Calendars', 'Account']);
    // Loaded afresh (the user not known yet), the page asks for nothing a rep would be refused, such as the segments.
    const refused: string[] = [];
    const segmentRequests: string[] = [];
    const onResponse = (response: Response) => void (response.status() === 403 && refused.push(response.url()));
    const onRequest = (request: Request) =>
      void (new URL(request.url()).pathname.startsWith('/api/segments') && segmentRequests.push(request.url()));
    page.on('response', onResponse);
    page.on('request', onRequest);
    await page.goto(`${stack.webUrl}/leads`);
    await leadRows.filter({ hasText: 'Ravi Kumar' }).waitFor();
    // A refused query would have gone out with the page's first render and been retried within a second.
    await page.waitForTimeout(1_500);
    page.off('response', onResponse);
    page.off('request', onRequest);
    expect({ refused, segmentRequests }).toEqual({ refused: [], segmentRequests: [] });
    await leadRows.filter({ hasText: 'Ravi Kumar' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Ravi Kumar' }).waitFor();
    // The lead detail opens for its owner, with the run that routed it to them.
    await page.locator('[data-testid^="run-"]').first().waitFor();

    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, { email: manager.email, password: managerUser.password });
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByLabel('Group by').selectOption('rep');
    const repRow = page.getByRole('table', { name: 'Summary' }).getByRole('row').filter({ hasText: rep.name });
    const text = await eventually(
      async () => {
        await page.getByLabel('Group by').selectOption('segment');
        await page.getByLabel('Group by').selectOption('rep');
        return (await repRow.count()) ? repRow.textContent() : null;
      },
      (t) => !!t && /\d+\.\d min/.test(t),
      30_000,
    );
    expect(text).toMatch(/Asha Rep1\d*\.\d min/);
    await page.getByLabel('Group by').selectOption('segment');
    const segmentRow = page.getByRole('table', { name: 'Summary' }).getByRole('row').filter({ hasText: 'High intent' });
    expect(await segmentRow.textContent()).toMatch(/High intent1\d*\.\d min/);
    await segmentRow.click();
    await page.getByRole('table', { name: 'Drill-down' }).getByRole('row').filter({ hasText: 'Ravi Kumar' }).waitFor();
    // The routed call's playbook has no holdout: its lift row says there are too few leads rather than a rate.
    const liftRow = page.getByRole('table', { name: 'Lift' }).getByRole('row').filter({ hasText: 'High intent' });
    await liftRow.waitFor();
    expect(await liftRow.textContent()).toMatch(/too few leads to compare: \d+ vs 0 \(at least 30 per arm\)/);
    await browser.screenshot('manager-dashboard');
  });

  it("shows the rep a LinkedIn touch's rendered message to copy, and its profile link", async () => {
    const segmentId = await fx.segment('LinkedIn first');
    const created = await (
      await apiFetch(stack, admin, '/api/playbooks', { method: 'POST', body: { name: 'LinkedIn note' } })
    ).json();
    for (const [path, method, body, status] of [
      [`/draft`, 'PUT', { graph: linkedinPlaybook, revision: created.draftRevision }, 200],
      [`/publish`, 'POST', { note: 'e2e' }, 201],
      [`/binding`, 'PUT', { segmentId, holdoutPercent: 0 }, 200],
    ] as const)
      expect((await apiFetch(stack, admin, `/api/playbooks/${created.id}${path}`, { method, body })).status).toBe(
        status,
      );
    const lead = await (
      await apiFetch(stack, admin, '/api/leads', {
        method: 'POST',
        body: {
          externalId: 'li-1',
          name: 'Neha Joshi',
          company: 'Joshi Metals',
          linkedinUrl: 'https://www.linkedin.com/in/neha-joshi',
        },
      })
    ).json();
    const membershipId = await fx.enter(lead.id, segmentId, new Date(), 'LinkedIn-first');
    await pool.query(`INSERT INTO outbox (kind, payload) VALUES ('segment_entered', $1)`, [
      { leadId: lead.id, segmentId, membershipId, enteredAt: new Date().toISOString(), triggerEventId: null },
    ]);
    await until(
      async () =>
        (
          await pool.query(`SELECT 1 FROM tasks WHERE lead_id = $1 AND assignee_id = $2 AND task_type = 'linkedin'`, [
            lead.id,
            repUser.id,
          ])
        ).rowCount,
      (n) => n === 1,
      30_000,
    );

    const { page, context } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.webUrl });
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, { email: rep.email, password: repUser.password });
    const card = page.getByRole('listitem').filter({ hasText: 'Neha Joshi' });
    await card.waitFor();
    const message = 'Hi Neha, saw Joshi Metals is hiring in Pune. Worth a chat?';
    expect(await card.getByRole('textbox', { name: 'LinkedIn message' }).inputValue()).toBe(message);
    expect(await card.getByRole('link', { name: 'Open LinkedIn profile' }).getAttribute('href')).toBe(
      'https://www.linkedin.com/in/neha-joshi',
    );
    await card.getByRole('button', { name: 'Copy message' }).click();
    await card
      .getByRole('status', { name: 'Copy status' })
      .filter({ hasText: /^Copied$/ })
      .waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(message);
    await browser.screenshot('rep-inbox-linkedin');
    // Sent by hand on LinkedIn, the task is completed like any other.
    await card.getByRole('button', { name: 'Complete' }).click();
    await card.waitFor({ state: 'detached' });
  });

  it('reports a missed short SLA as a breach and notifies the manager', async () => {
    const segmentId = await fx.segment('Demo requested');
    await apiFetch(stack, admin, '/api/sla/policies', {
      method: 'POST',
      body: { segmentId, firstTouchWithinMinutes: 0.05, clock: 'wall' },
    });
    const leadId = await fx.lead({ name: 'Nobody Called' });
    await fx.enter(leadId, segmentId, new Date());
    const { page } = browser;
    await signOutInBrowser(page);
    await signInInBrowser(page, stack.webUrl, { email: manager.email, password: managerUser.password });
    const notice = page.getByRole('list', { name: 'Notifications' });
    await until(
      async () => {
        await page.reload();
        // The dashboard's code loads on demand after the reload, then asks for the notifications.
        await notice.waitFor({ timeout: 3_000 }).catch(() => undefined);
        return (await notice.count()) ? notice.textContent() : '';
      },
      (t) => !!t && t.includes('SLA breached: Nobody Called'),
      30_000,
    );
    const row = page.getByRole('table', { name: 'Summary' }).getByRole('row').filter({ hasText: 'Demo requested' });
    await row.waitFor();
    expect(await row.textContent()).toContain('100% (1)');
    await browser.screenshot('manager-breach');
    const { rows } = await pool.query(`SELECT breached_at, escalated_at FROM sla_clocks WHERE lead_id = $1`, [leadId]);
    expect(rows[0].escalated_at).not.toBeNull();
  });
});
