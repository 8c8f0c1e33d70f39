import { requestAs, signInInBrowser, signInToApi } from './support/auth';
import type { ApiRequest } from './support/api-process';
import { Browser, launchBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { createLead, postEvents, publishAndBind, runsOfLead, segmentPlaybook } from './support/segment-moves';
import { Stack, startStack } from './support/stack';

describe('rule segments page (browser → web → API → Postgres → outbox → Temporal → worker)', () => {
  let stack: Stack;
  let browser: Browser;
  let request: ApiRequest;
  beforeAll(async () => {
    stack = await startStack('rule-segments-ui');
    request = requestAs(stack, await signInToApi(stack));
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('builds a rule segment with a preview, binds a playbook, and a lead matching it on ingest starts a run', async () => {
    const { id: leadId } = await createLead(request, 'kiwi-1', { country: 'NZ' });
    await createLead(request, 'indian-1');
    const { page } = browser;
    await page.goto(`${stack.webUrl}/rule-segments`);
    await page.getByRole('button', { name: 'New rule segment' }).click();
    await page.getByLabel('Name').fill('NZ docs readers');
    // Condition 1 starts as "page_view events in the last 7 days ≥ 3"; ask for 2.
    await page.getByLabel('Condition 1 value').fill('2');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('Condition 2 subject').selectOption('firmographic');
    await page.getByLabel('Condition 2 field').selectOption('country');
    await page.getByLabel('Condition 2 operator').selectOption('eq');
    await page.getByLabel('Condition 2 value').fill('NZ');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('status', { name: 'Preview' });
    await preview.waitFor();
    expect(await preview.textContent()).toContain('0 of 2 leads match now');
    await page.getByRole('button', { name: 'Create rule segment' }).click();
    const row = page.getByRole('row').filter({ hasText: 'NZ docs readers' });
    await row.waitFor();
    expect(await row.textContent()).toContain('all of: page_view events in the last 7 days ≥ 2; country is NZ');

    const segments = (await request<Array<{ id: string; kind: string; name: string }>>('GET', '/api/segments')).body;
    const segment = segments.find((s) => s.name === 'NZ docs readers')!;
    expect(segment.kind).toBe('rule');
    await publishAndBind(request, segmentPlaybook({ policy: 'never' }), segment.id);

    const view = (n: number) => ({
      eventId: `kiwi-pv${n}`,
      leadExternalId: 'kiwi-1',
      type: 'page_view',
      occurredAt: new Date(Date.now() - (n + 1) * 3_600_000).toISOString(),
      url: 'https://x.io/docs',
    });
    await postEvents(request, [view(0), view(1), { ...view(2), eventId: 'indian-pv', leadExternalId: 'indian-1' }]);
    const [run] = await eventually(
      () => runsOfLead(request, leadId),
      (runs) => runs.length > 0,
      30_000,
    );
    expect(run).toMatchObject({ segmentId: segment.id });

    await page.reload();
    const member = page.getByRole('row').filter({ hasText: 'NZ docs readers' });
    await member.waitFor();
    expect((await member.getByRole('cell').nth(3).textContent())?.trim()).toBe('1');
  });
});
