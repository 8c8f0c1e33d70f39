import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ApiRequest } from './support/api-process';
import { requestAs, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { eventually, until } from './support/eventually';
import { createLead, moveLead, seedAndTrain, type SegmentKey } from './support/segment-moves';
import { Stack, startStack } from './support/stack';

const TEMPORAL_UI = 'http://127.0.0.1:18233';

/** Drags from one React Flow handle to another with the mouse, as a user connects nodes. */
async function stableBox(page: Page, selector: string) {
  // Under load the canvas may still be fitting the view: read the box until two reads 150 ms apart agree.
  let previous = await page.locator(selector).boundingBox();
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(150);
    const current = await page.locator(selector).boundingBox();
    if (current && previous && current.x === previous.x && current.y === previous.y) return current;
    previous = current;
  }
  return previous;
}

/** Drags from a source handle to a target node's handle, as a user does; retries a drag the canvas did not take. */
async function connect(page: Page, source: { node: string; handle: string }, target: string): Promise<void> {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  // A drag can miss on a loaded machine (a handle still settling after layout, a slow frame): try again, and say so
  // if it never connects rather than letting a later assertion fail obscurely.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const from = await stableBox(
      page,
      `.react-flow__handle.source[data-nodeid="${source.node}"][data-handleid="${source.handle}"]`,
    );
    const to = await stableBox(page, `.react-flow__handle.target[data-nodeid="${target}"]`);
    if (!from || !to) throw new Error(`handle not on screen: ${source.node}.${source.handle} → ${target}`);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
    await page.mouse.up();
    if (
      (await eventually(
        () => edges.count(),
        (n) => n > before,
        5_000,
      )) > before
    )
      return;
  }
  throw new Error(`could not connect ${source.node}.${source.handle} → ${target} by dragging`);
}

/**
 * Clicks a point of an edge's drawn path and waits until the edge is selected. The middle of its bounding box is not
 * on a curved edge: a click there lands on the empty pane, selects nothing, and the Delete that follows deletes
 * nothing.
 */
async function clickEdge(page: Page, edgeId: string): Promise<void> {
  const edge = page.locator(`[data-testid="rf__edge-${edgeId}"]`);
  // A point on the edge's path that the edge itself receives (a dropped node or a label may cover the middle).
  const target = await edge.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement, id: string) => {
    for (const fraction of [0.5, 0.35, 0.65, 0.2, 0.8]) {
      const onPath = path.getPointAtLength(path.getTotalLength() * fraction);
      const onScreen = new DOMPoint(onPath.x, onPath.y).matrixTransform(path.getScreenCTM()!);
      if (document.elementFromPoint(onScreen.x, onScreen.y)?.closest(`[data-testid="rf__edge-${id}"]`))
        return { x: onScreen.x, y: onScreen.y };
    }
    return null;
  }, edgeId);
  if (!target) throw new Error(`edge ${edgeId} is covered along its whole path`);
  await page.mouse.click(target.x, target.y);
  // Selected before anything acts on the selection (a Delete key press, say).
  await until(
    async () => edge.getAttribute('class'),
    (c) => /\bselected\b/.test(c ?? ''),
  );
}

describe('playbook editor (browser → web → API → Temporal → worker → Postgres)', () => {
  let stack: Stack;
  let browser: Browser;
  let request: ApiRequest;
  let segments: Record<SegmentKey, string>;
  let segmentId: string;
  beforeAll(async () => {
    // A Temporal UI on another port than the dev server's 8233: run links must follow the configuration.
    stack = await startStack('playbook-editor', { TEMPORAL_UI_URL: TEMPORAL_UI });
    request = requestAs(stack, await signInToApi(stack));
    // A small population through the API and its first model: quiet, email and WhatsApp segments.
    segments = await seedAndTrain(request);
    segmentId = segments.whatsapp;
    browser = await launchBrowser();
    await signInInBrowser(browser.page, stack.webUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the trained segments with their centroid charts', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/segments`);
    await page.locator(`[data-testid="segment-${segmentId}"]`).waitFor();
    expect(await page.locator('.segment-card').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`[data-testid="segment-${segmentId}"] .centroid-chart__row`).count()).toBeGreaterThan(3);
    // The active model's quality: silhouette and Davies–Bouldin as figures; its propensity model says why there is
    // none (every membership opened just now, so no entry's 30-day window has closed), and the version history lists it.
    await page.getByTestId('quality-silhouette').waitFor();
    expect(await page.getByTestId('quality-silhouette').textContent()).toMatch(/^-?\d\.\d\d$/);
    expect(await page.getByTestId('quality-davies-bouldin').textContent()).toMatch(/^\d+\.\d\d$/);
    expect(await page.getByTestId('propensity-note').textContent()).toContain('closed segment entries');
    expect(await page.locator('table[aria-label="Model versions"] tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId(`expected-conversion`).first().textContent()).toContain('no held-out entries');
    expect(existsSync(await browser.screenshot('segments-page'))).toBe(true);
  });

  let playbookId: string;
  it('builds a playbook by dragging and connecting, sees a validation error and fixes it', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/playbooks`);
    await page.getByLabel('Name').fill('E2E high-intent follow-up');
    await page.getByRole('button', { name: 'New playbook' }).click();
    await page.waitForURL(/\/playbooks\/[0-9a-f-]{36}$/);
    playbookId = page.url().split('/').pop()!;
    await page.locator('[data-testid="node-intro"]').waitFor();
    expect(await page.getByTestId('issue-count').textContent()).toContain('valid');
    // The settings tab says which lead events its runs will hear: the starter's goal and unsubscribes.
    expect(await page.getByTestId('heard-events').textContent()).toContain('Runs hear demo_booked, unsubscribe:');

    // Drag a Wait node from the palette onto the empty right side of the canvas.
    const canvas = (await page.getByTestId('playbook-canvas').boundingBox())!;
    await page.dragAndDrop('[data-testid="palette-wait"]', '[data-testid="playbook-canvas"]', {
      targetPosition: { x: canvas.width - 280, y: canvas.height / 2 },
    });
    await page.locator('[data-testid="node-wait-1"]').waitFor();
    // Unconnected and unreachable: the library's validation shows on the node and in the list.
    await until(
      async () => page.getByTestId('issue-count').textContent(),
      (t) => /\d+ issues/.test(t ?? ''),
    );
    expect(await page.locator('[data-testid="node-wait-1"] .badge--error').count()).toBe(1);
    await page.getByRole('tab', { name: /Issues/ }).click();
    expect(await page.getByRole('list', { name: 'Validation issues' }).textContent()).toContain('wait-1');
    await browser.screenshot('playbook-editor-invalid');

    // Clicking an issue focuses its node and opens its form.
    await page.getByRole('list', { name: 'Validation issues' }).getByRole('button').first().click();
    await page.getByRole('form', { name: 'Wait settings' }).waitFor();

    // Put the wait between the email and the goal: delete the old edge, connect the handles.
    await clickEdge(page, 'e-intro-goal');
    await page.keyboard.press('Delete');
    expect(
      await eventually(
        async () => page.getByTestId('rf__edge-e-intro-goal').count(),
        (n) => n === 0,
      ),
    ).toBe(0);
    // The dropped node can land over the email node on a narrow canvas; lay out and fit first, as a user would,
    // so every handle is visible and free before dragging between them.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await connect(page, { node: 'intro', handle: 'next' }, 'wait-1');
    await connect(page, { node: 'wait-1', handle: 'next' }, 'goal');
    await until(
      async () => page.getByTestId('issue-count').textContent(),
      (t) => t?.includes('valid') ?? false,
    );
    expect(await page.getByTestId('issue-count').textContent()).toContain('valid');
    await until(
      async () => page.getByTestId('save-status').textContent(),
      (t) => t?.includes('All changes saved') ?? false,
    );
  });

  it('simulates a lead and highlights its path on the canvas with timestamps', async () => {
    const { page } = browser;
    // Tidy the canvas first: auto-layout puts the wait between the email and the goal.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: '+ event' }).click();
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByTestId('simulation-result').waitFor();
    for (const node of ['entry', 'intro', 'wait-1', 'goal']) {
      expect(await page.locator(`[data-testid="node-${node}"]`).getAttribute('class')).toContain('is-visited');
    }
    expect(await page.locator('[data-testid="node-wait-1"] .pb-node__visits li').count()).toBe(1);
    expect(await page.locator('.react-flow__edge.edge-walked').count()).toBe(3);
    await browser.screenshot('playbook-editor-simulated');
  });

  it('publishes with a note and binds the playbook to the segment', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Publish note').fill('First version: email, wait, goal');
    await page.getByRole('dialog', { name: 'Publish' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published version 1.').waitFor();
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByRole('cell', { name: 'First version: email, wait, goal' }).waitFor();
    await page.getByRole('tab', { name: 'Binding' }).click();
    await page.getByRole('combobox', { name: 'Segment' }).selectOption(segmentId);
    await page.getByRole('button', { name: 'Save binding' }).click();
    await page.getByText('Bound.', { exact: false }).waitFor();
    const detail = await request('GET', `/api/playbooks/${playbookId}`);
    expect(detail.body).toMatchObject({ segmentId, publishedVersion: 1 });
    await browser.screenshot('playbook-editor-bound');
    await page.goto(`${stack.webUrl}/playbooks`);
    await page.getByRole('row').filter({ hasText: 'E2E high-intent follow-up' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'E2E high-intent follow-up' }).textContent()).toContain('v1');
    await browser.screenshot('playbooks-list');
  });

  it('starts a run when ingested events move a lead into the segment, and shows it with its first touch on the lead page', async () => {
    const { page } = browser;
    // The mover goes quiet → WhatsApp through its own events (see support/segment-moves.ts).
    const { id: leadId } = await createLead(request, 'e2e-mover');
    await moveLead(request, 'e2e-mover', 0, segments);
    await moveLead(request, 'e2e-mover', 1, segments);
    // A touch shows as queued (its send intent) until the SMTP server accepted it.
    const touches = await eventually(
      () => request<any[]>('GET', `/api/touches?leadId=${leadId}`),
      (r) => r.body?.[0]?.status === 'sent',
      30_000,
    );
    expect(touches.body[0]).toMatchObject({ nodeId: 'intro', channel: 'email', status: 'sent' });

    await page.goto(`${stack.webUrl}/leads/${leadId}`);
    await page.locator('.run-card').waitFor();
    const runText = await eventually(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(300);
        return page.locator('.run-card').first().textContent();
      },
      (t) => t?.includes('wait-1') ?? false,
      20_000,
    );
    expect(runText).toContain('Playbook v1');
    expect(runText).toContain('wait-1');
    const [run] = (await request<any[]>('GET', `/api/runs?leadId=${leadId}`)).body;
    expect(await page.getByRole('link', { name: 'Open in Temporal UI' }).getAttribute('href')).toBe(
      `${TEMPORAL_UI}/namespaces/default/workflows/${run.temporalWorkflowId}`,
    );
    const timeline = await page.getByRole('list', { name: 'Lead timeline' }).textContent();
    expect(timeline).toContain('email touch sent');
    expect(timeline).toContain('Playbook run started (v1)');
    expect(timeline).toContain('Entered segment');
    await browser.screenshot('lead-detail');
  });

  it('shows the delivery figures of the sent touch on its send node and on the dashboard', async () => {
    const { page } = browser;
    await page.goto(`${stack.webUrl}/playbooks/${playbookId}`);
    await page.getByRole('combobox', { name: 'Analytics version' }).selectOption('1');
    // One email handed to the SMTP server: sent, neither delivered (SMTP tells nothing more) nor replied yet.
    const badge = page.locator('[data-testid="node-intro"] [aria-label="Delivery"]');
    await badge.waitFor();
    expect((await badge.textContent())?.trim()).toBe('✉ 1 · 0% · 0%');
    expect(await page.locator('[aria-label="Delivery"]').count()).toBe(1);
    await page.goto(`${stack.webUrl}/dashboard`);
    const row = page
      .getByRole('table', { name: 'Delivery by channel' })
      .getByRole('row')
      .filter({ hasText: 'E2E high-intent follow-up v1' });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toEqual([
      'E2E high-intent follow-up v1',
      'email',
      '1',
      '0%',
      '0%',
      '0%',
      '0%',
    ]);
  });

  it('backtests the segment with the playbook that ran on it in the segments page panel, showing what the API answers', async () => {
    const { page } = browser;
    const answer = await request<any>('GET', `/api/segments/${segmentId}/backtest?playbookId=${playbookId}`);
    expect(answer.status).toBe(200);
    await page.goto(`${stack.webUrl}/segments`);
    const panel = page.locator(`[data-testid="segment-${segmentId}"] [data-testid="segment-backtest"]`);
    await panel.locator('summary').click();
    // The bound playbook is picked; its one run started just now, so no entry's 30-day window has closed yet.
    expect(await panel.getByRole('combobox', { name: 'Playbook' }).inputValue()).toBe(playbookId);
    await panel.getByRole('table', { name: 'Backtest' }).waitFor();
    for (const arm of ['withRun', 'heldOut', 'withoutRun'] as const) {
      const cells = await panel.getByTestId(`backtest-${arm}`).locator('td').allTextContents();
      expect(cells.slice(1, 3)).toEqual([
        String(answer.body[arm]?.entries ?? 0),
        String(answer.body[arm]?.conversions ?? 0),
      ]);
    }
    expect(await panel.textContent()).toContain(`entries up to ${answer.body.closedBefore.slice(0, 10)}`);
    await browser.screenshot('segment-backtest');
  });
});
