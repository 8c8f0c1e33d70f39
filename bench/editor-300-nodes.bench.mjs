// `node bench/editor-300-nodes.bench.mjs` (after `npm run build`, or it builds the web app itself): how long until the
// playbook editor is interactive on a 300-node playbook, and what a pan/zoom frame costs there, in Debian chromium;
// baseline: the same measurements on a playbook with only its entry node, in the same run and browser.
// The API is answered in the browser (page.route) so the figure is the editor's alone, not the network's.
// Writes bench/results/editor.json. Not wired into `npm run bench` (name it *.bench.mjs to wire it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.SEGFLOW_CHROMIUM ?? '/usr/bin/chromium';
const NODE_COUNT = 300;
const ROUNDS = 3;

const sendConfig = {
  channel: 'email',
  subject: 'Hi {{lead.firstName}}',
  body: 'Hello {{lead.firstName}}',
  sender: { kind: 'owner' },
  onFailure: 'skip',
};
const KINDS = [
  { type: 'send', config: sendConfig, handles: ['next'] },
  { type: 'wait', config: { mode: 'duration', minutes: 1440 }, handles: ['next'] },
  {
    type: 'waitForEvent',
    config: { eventTypes: ['email_reply'], timeoutMinutes: 2880 },
    handles: ['matched', 'timedOut'],
  },
  { type: 'branch', config: { condition: { op: 'eventSeen', eventType: 'email_reply' } }, handles: ['yes', 'no'] },
  {
    type: 'task',
    config: {
      taskType: 'call',
      title: 'Call {{lead.firstName}}',
      priority: 'normal',
      dueInMinutes: 240,
      waitForCompletion: false,
      timeoutMinutes: 0,
    },
    handles: ['next'],
  },
];

/** entry → a chain of mixed nodes (every handle wired to the next node) → exit, laid out in a grid. */
function playbookOf(size) {
  const settings = {
    goalEvents: ['demo_booked'],
    quietHours: null,
    maxTouchesPerDay: null,
    reentry: { policy: 'never' },
  };
  const nodes = [{ id: 'entry', type: 'entry', position: { x: 0, y: 0 }, config: {} }];
  const edges = [];
  const at = (i) => ({ x: (i % 12) * 280, y: Math.floor(i / 12) * 170 });
  for (let i = 1; i < size; i += 1) {
    const last = i === size - 1;
    const kind = last ? { type: 'exit', config: { reason: 'done' }, handles: [] } : KINDS[i % KINDS.length];
    nodes.push({ id: `n${i}`, type: kind.type, position: at(i), config: kind.config });
  }
  for (let i = 0; i + 1 < nodes.length; i += 1) {
    const kind = i === 0 ? { handles: ['next'] } : KINDS[i % KINDS.length];
    for (const handle of kind.handles)
      edges.push({ id: `e${edges.length + 1}`, source: nodes[i].id, sourceHandle: handle, target: nodes[i + 1].id });
  }
  return { schemaVersion: 1, settings, nodes, edges };
}

function freePort() {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve) => {
        const server = createServer();
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address();
          server.close(() => resolve(port));
        });
      }),
  );
}

async function startPreview() {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) {
    await new Promise((resolve, reject) =>
      spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: join(root, 'apps/web'),
        stdio: 'inherit',
      }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error('vite build failed')))),
    );
  }
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: join(root, 'apps/web'), stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i += 1) {
    try {
      await fetch(url);
      return { url, stop: () => child.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error('vite preview did not start');
}

async function answerApi(page, graph) {
  let revision = 1;
  const detail = {
    id: 'bench',
    name: `Bench ${graph.nodes.length} nodes`,
    description: '',
    status: 'draft',
    segmentId: null,
    holdoutPercent: 0,
    draftRevision: 1,
    publishedVersion: null,
    activeRuns: 0,
    convertedRuns: 0,
    updatedAt: new Date().toISOString(),
    updatedBy: null,
    draft: graph,
    issues: [],
  };
  await page.route('**/api/**', (route) => {
    const { pathname } = new URL(route.request().url());
    const json = (body) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    if (pathname === '/api/playbooks/bench') return json(detail);
    if (pathname === '/api/playbooks/bench/draft') return json({ revision: (revision += 1), issues: [] });
    return json([]);
  });
}

// Time from navigation start until every node is drawn and a click on one opens its form.
async function timeToInteractive(page, url, graph) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('.react-flow__node').length === n &&
      [...document.querySelectorAll('.react-flow__node')].every((el) => el.style.visibility !== 'hidden'),
    graph.nodes.length,
    { polling: 'raf', timeout: 60_000 },
  );
  const target = graph.nodes[graph.nodes.length > 1 ? 1 : 0].id;
  await page.locator(`[data-testid="node-${target}"]`).click();
  await page.waitForFunction(() => document.querySelector('.node-form'), null, { polling: 'raf' });
  return page.evaluate(() => performance.now());
}

// Frame intervals while the user pans (drag on the empty pane) and zooms (wheel), recorded in the page.
async function panZoomFrames(page) {
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(400);
  const start = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = pane.top + 10; y < pane.bottom; y += 7) {
      for (let x = pane.left + 10; x < pane.right; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return { x: pane.left + 5, y: pane.top + 5 };
  });
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    window.__stop = false;
    requestAnimationFrame(tick);
  });
  for (let round = 0; round < 2; round += 1) {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 250, start.y + 120, { steps: 40 });
    await page.mouse.move(start.x, start.y, { steps: 40 });
    await page.mouse.up();
    for (let i = 0; i < 15; i += 1) await page.mouse.wheel(0, i < 8 ? -120 : 120);
  }
  const frames = await page.evaluate(() => {
    window.__stop = true;
    return window.__frames;
  });
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i])
    .sort((a, b) => a - b);
  const pick = (q) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))];
  return { frames: deltas.length, medianMs: pick(0.5), p95Ms: pick(0.95) };
}

async function measure(browser, url, graph) {
  const runs = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    await answerApi(page, graph);
    const interactiveMs = await timeToInteractive(page, `${url}/playbooks/bench`, graph);
    runs.push({ interactiveMs, ...(await panZoomFrames(page)) });
    await page.close();
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    interactiveMs: Math.round(median('interactiveMs')),
    frameMedianMs: +median('medianMs').toFixed(1),
    frameP95Ms: +median('p95Ms').toFixed(1),
    rounds: runs,
  };
}

const preview = await startPreview();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  // Warm-up so the first measured page does not pay for the browser's cold caches.
  await measure(browser, preview.url, playbookOf(1)).catch(() => undefined);
  const baseline = await measure(browser, preview.url, playbookOf(1));
  const figure = await measure(browser, preview.url, playbookOf(NODE_COUNT));
  const result = {
    name: 'editor',
    figure: { interactiveMs: figure.interactiveMs, frameMedianMs: figure.frameMedianMs, frameP95Ms: figure.frameP95Ms },
    baseline: {
      interactiveMs: baseline.interactiveMs,
      frameMedianMs: baseline.frameMedianMs,
      frameP95Ms: baseline.frameP95Ms,
    },
    ratio: {
      interactive: +(figure.interactiveMs / baseline.interactiveMs).toFixed(2),
      frameMedian: +(figure.frameMedianMs / baseline.frameMedianMs).toFixed(2),
      frameP95: +(figure.frameP95Ms / baseline.frameP95Ms).toFixed(2),
    },
    unit: 'ms',
    machine: {
      cores: cpus().length,
      memoryGb: +(totalmem() / 2 ** 30).toFixed(1),
      cpu: cpus()[0]?.model ?? 'unknown',
      loadAverage1m: +loadavg()[0].toFixed(1),
    },
    date: new Date().toISOString(),
    nodes: NODE_COUNT,
    rounds: ROUNDS,
    note: 'figure: 300-node playbook; baseline: entry-only playbook. interactiveMs = navigation start → all nodes drawn and a node click opened its form (median of rounds); frame times = rAF intervals during mouse pan + wheel zoom (headless chromium, software rendering).',
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/editor.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result.figure) + ' vs ' + JSON.stringify(result.baseline) + '\n');
} finally {
  await browser.close();
  preview.stop();
}
