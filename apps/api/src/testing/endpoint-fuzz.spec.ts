import fc from 'fast-check';
import { bodyFor, EXTREME_BODIES, EXTREME_PATH_VALUES, pathValueFrom, queryFor } from './fuzz-inputs';
import { RequestKeys, requestKeysByRoute } from './request-keys';
import { listServedRoutes, ServedRoute } from './route-table';
import { startTestApi, TestApi, TestUser } from './test-api';

// Fuzzes every route the API serves (read from Fastify's route table, so a new endpoint is covered without listing
// it) with fast-check bodies, queries and path parameters, as an admin. Each response must be below 500, and each
// 400 must name the field: the API's refusals are `{ message, issues: [{ field, reason }] }` (ZodBodyPipe and the
// services and param pipes; `field` is a dotted path, `(root)` for the body itself, `(path)` for a URL the router
// cannot decode), and every named segment of a field must be a path parameter, a key the request sent, or a key the
// route's schema declares (its ZodBodyPipe or @ApiBody/@ApiQuery, so a missing key counts as named).
// A failure prints fast-check's seed and path; rerun with that seed to reproduce. The seed is fixed, not the clock.
const SEED = 1717;
const BODY_RUNS = 25;
const QUERY_RUNS = 12;
// About 25 s alone; the margin is for a full test run sharing two cores.
const TIMEOUT_MS = 240_000;

/** Not fuzzed: the Swagger UI's static files, and the SSE stream, which never ends a response (its query is checked by inbox specs). */
const isSkipped = (route: ServedRoute) => route.path.startsWith('/api/docs') || route.path === '/api/inbox/stream';
/** These end or change the caller's own sessions, so they run last, as a throw-away admin. */
const isSessionEnding = (route: ServedRoute) =>
  route.method === 'POST' && ['/api/auth/sign-out', '/api/auth/password'].includes(route.path);
const hasBody = (route: ServedRoute) => ['POST', 'PUT', 'PATCH'].includes(route.method);

interface Attempt {
  route: ServedRoute;
  params: string[];
  query: Record<string, string | string[]>;
  body?: unknown;
  /** A body given as JSON text, for inputs JSON.stringify cannot produce. */
  json?: string;
}

interface Problem {
  route: string;
  problem: string;
}

describe('every endpoint under fuzzed input', () => {
  let api: TestApi;
  let requestKeys: Map<string, RequestKeys>;
  let existingIds: string[];

  beforeAll(async () => {
    api = await startTestApi();
    requestKeys = requestKeysByRoute(api.app);
    existingIds = await createRowsToAddress(api);
  });
  afterAll(async () => api?.close());

  it(
    'never answers 5xx, and every 400 names the field',
    async () => {
      expect(requestKeys.get('POST users')?.body).toContain('role');
      const routes = listServedRoutes(api.app).filter((route) => !isSkipped(route));
      expect(routes.length).toBeGreaterThan(50);
      const throwAway = await api.createUser({ role: 'admin' });
      const ordered = [...routes.filter((r) => !isSessionEnding(r)), ...routes.filter(isSessionEnding)];
      const problems: Problem[] = [];
      for (const route of ordered) {
        const caller = isSessionEnding(route) ? throwAway : api.admin;
        problems.push(...(await fuzzRoute(route, caller)));
      }
      expect(problems).toEqual([]);
    },
    TIMEOUT_MS,
  );

  async function fuzzRoute(route: ServedRoute, caller: TestUser): Promise<Problem[]> {
    const keys = requestKeys.get(`${route.method} ${route.path.replace(/^\/(api\/)?/, '')}`) ?? {
      body: new Set<string>(),
      query: new Set<string>(),
    };
    const params = fc.tuple(...route.params.map(() => pathValueFrom(existingIds)));
    const problems: Problem[] = [];
    const check = async (property: fc.IAsyncProperty<any>, numRuns: number) => {
      const result = await fc.check(property, { seed: SEED, numRuns });
      if (result.failed) {
        const problem = `${String(result.errorInstance)} (seed ${result.seed}, path "${result.counterexamplePath}", counterexample ${fc.stringify(result.counterexample)})`;
        problems.push({ route: `${route.method} ${route.path}`, problem });
      }
    };
    const attempt = async (input: Attempt) => {
      const problem = await problemOf(input, keys, caller);
      if (problem) throw new Error(problem);
    };
    for (const value of route.params.length > 0 ? EXTREME_PATH_VALUES : []) {
      const problem = await problemOf({ route, params: route.params.map(() => value), query: {} }, keys, caller);
      if (problem)
        problems.push({
          route: `${route.method} ${route.path}`,
          problem: `path value ${value.slice(0, 20)}: ${problem}`,
        });
    }
    await check(
      fc.asyncProperty(params, queryFor([...keys.query]), async (p, query) => attempt({ route, params: p, query })),
      QUERY_RUNS,
    );
    if (!hasBody(route)) return problems;
    await check(
      fc.asyncProperty(params, bodyFor([...keys.body]), async (p, body) =>
        attempt({ route, params: p, query: {}, body }),
      ),
      BODY_RUNS,
    );
    for (const extreme of EXTREME_BODIES) {
      const problem = await problemOf(
        {
          route,
          params: route.params.map(() => '00000000-0000-0000-0000-000000000000'),
          query: {},
          json: extreme.json(),
        },
        keys,
        caller,
      );
      if (problem) problems.push({ route: `${route.method} ${route.path}`, problem: `${extreme.label}: ${problem}` });
    }
    return problems;
  }

  /** Sends one request; returns what is wrong with the answer, or undefined. */
  async function problemOf(input: Attempt, keys: RequestKeys, caller: TestUser): Promise<string | undefined> {
    let index = 0;
    const path = input.route.path.replace(/:[A-Za-z]+/g, () => input.params[index++]!);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(input.query)) for (const one of [value].flat()) search.append(key, one);
    const url = search.size > 0 ? `${path}?${search}` : path;
    const headers: Record<string, string> = { authorization: `Bearer ${caller.token}` };
    const payload = input.json ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await api.app.inject({ method: input.route.method as 'GET', url, headers, payload });
    const sent = `${input.route.method} ${url.slice(0, 300)}`;
    if (response.statusCode >= 500) return `${sent} answered ${response.statusCode}: ${response.body.slice(0, 500)}`;
    if (response.statusCode !== 400) return undefined;
    const allowed = new Set([
      '(root)',
      '(path)',
      ...input.route.params,
      ...keys.body,
      ...keys.query,
      ...keysIn(input.query),
      ...keysIn(input.body ?? safeJson(input.json ?? 'null')),
    ]);
    const unnamed = unnamedFieldsOf(safeJson(response.body), allowed);
    return unnamed
      ? `${sent} answered 400 without naming the field (${unnamed}): ${response.body.slice(0, 500)}`
      : undefined;
  }
});

/** A team, a rep, a playbook (version 1) and a lead, so fuzzed path ids sometimes name a row and bodies reach the services. */
async function createRowsToAddress(api: TestApi): Promise<string[]> {
  const rep = await api.createUser({ role: 'rep' });
  const created = await Promise.all([
    api.request('POST', '/api/teams', { id: 'fuzz', name: 'Fuzz' }),
    api.request('POST', '/api/playbooks', { name: 'Fuzz' }),
    api.request('POST', '/api/leads', { externalId: 'fuzz-1', name: 'Fuzz lead' }),
  ]);
  for (const response of created)
    if (response.status >= 300)
      throw new Error(`fuzz fixture not created: ${response.status} ${JSON.stringify(response.body)}`);
  return [rep.id, 'fuzz', created[1].body.id, created[2].body.id, '1'];
}

/** Why a 400 body does not name the field, or undefined when every issue names one the request has or could have. */
function unnamedFieldsOf(body: unknown, allowed: Set<string>): string | undefined {
  const issues = (body as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return 'no issues list';
  for (const issue of issues as { field?: unknown; reason?: unknown }[]) {
    if (typeof issue.field !== 'string' || typeof issue.reason !== 'string' || issue.reason === '')
      return 'an issue without field and reason';
    const unknown = issue.field.split('.').filter((segment) => !/^\d+$/.test(segment) && !allowed.has(segment));
    if (unknown.length > 0) return `unknown field ${issue.field}`;
  }
  return undefined;
}

/** Every object key anywhere in a value (record keys a refusal may name); iterative, as bodies nest a million deep. */
function keysIn(value: unknown): Set<string> {
  const keys = new Set<string>();
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (Array.isArray(next)) pending.push(...next);
    else if (next && typeof next === 'object')
      for (const [key, item] of Object.entries(next)) pending.push(item, keys.add(key) && undefined);
  }
  return keys;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
