import { DataSource } from 'typeorm';
import { PlaybookLifecycleService } from '../playbooks/playbook-lifecycle.service';
import { PlaybooksService } from '../playbooks/playbooks.service';
import { SlaPoliciesService } from '../sla/sla-policies.service';
import { TeamsService } from '../teams/teams.service';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';
import { RepCalendarService } from '../users/rep-calendar.service';
import { UsersService } from '../users/users.service';
import { IngestWriter } from '../events/ingest-writer';
import { LeadsService } from '../leads/leads.service';
import { seedDemo, type SeedDemoServices } from './seed-demo';
import { SegmentModelsService } from '../segments/segment-models.service';
import { SegmentsService } from '../segments/segments.service';

// Every table the seed writes; a second seed must leave each count as it was.
const SEEDED_TABLES = [
  'users',
  'teams',
  'reps',
  'leads',
  'events',
  'segment_models',
  'segment_memberships',
  'playbooks',
  'playbook_versions',
  'segment_bindings',
  'sla_policies',
  'runs',
  'outbox',
];

// The demo's size: fewer leads leave too few conversions among the closed entries to train propensity on.
const LEADS = 600;

describe('seedDemo', () => {
  let api: TestApi;
  let services: SeedDemoServices;
  const countRows = async () => {
    const db = api.app.get(DataSource);
    const counts: Record<string, number> = {};
    for (const table of SEEDED_TABLES)
      counts[table] = Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    return counts;
  };

  beforeAll(async () => {
    // No dispatcher: segment rows written after the bindings stay in the outbox, so every run here comes from the seed's enrolment.
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    const get = <T>(type: new (...args: never[]) => T) => api.app.get(type);
    services = {
      leads: get(LeadsService),
      ingest: get(IngestWriter),
      models: get(SegmentModelsService),
      segments: get(SegmentsService),
      teams: get(TeamsService),
      users: get(UsersService),
      calendars: get(RepCalendarService),
      playbooks: get(PlaybooksService),
      lifecycle: get(PlaybookLifecycleService),
      slaPolicies: get(SlaPoliciesService),
    };
  });
  afterAll(() => api.close());

  it('seeds a sales org, leads with months of history, a model with conversion propensity, bound playbooks with SLA policies and enrolled runs, and nothing the second time', async () => {
    const { summary, credentials } = await seedDemo(services, { leads: LEADS });
    expect(summary.population).toMatchObject({
      skipped: false,
      leads: LEADS,
      events: { rejected: 0, duplicate: 0 },
      modelId: expect.any(String),
    });
    expect(summary.population.segments).toBeGreaterThanOrEqual(4);
    const segments = (await api.request('GET', '/api/segments')).body;
    expect(segments.reduce((sum: number, s: any) => sum + s.size, 0)).toBe(LEADS);

    // The history was written in event time, so the active model learned conversion propensity from closed entries.
    const model = (await api.request('GET', `/api/segment-models/${summary.population.modelId}`)).body;
    expect(model.status).toBe('active');
    expect(model.propensity).toMatchObject({
      status: 'trained',
      label: { goalEventType: 'purchase', horizonDays: 30 },
    });
    expect(model.propensity.counts.positives).toBeGreaterThan(0);
    expect(model.propensity.metrics.auc).toBeGreaterThan(0.75);
    expect(model.propensity.metrics.brier).toBeLessThan(0.1);
    const page = (await api.request('GET', '/api/leads?limit=200')).body;
    for (const lead of page) expect(lead.conversionProbability).toEqual(expect.any(Number));
    expect(segments.filter((s: any) => s.expectedConversion !== null).length).toBeGreaterThan(0);

    // The org: a manager leading both teams (with working hours), six reps, each able to sign in with their password.
    const teams = (await api.request('GET', '/api/teams')).body;
    expect(teams.map((t: any) => t.id).sort()).toEqual(['india', 'international']);
    const manager = credentials.find((c) => c.role === 'manager')!;
    expect(credentials.filter((c) => c.role === 'rep')).toHaveLength(6);
    for (const team of teams)
      expect(team).toMatchObject({
        calendar: { timeZone: expect.any(String) },
        members: expect.arrayContaining([expect.objectContaining({ active: true })]),
      });
    expect(new Set(teams.map((t: any) => t.managerId))).toEqual(new Set([expect.any(String)]));
    for (const user of [manager, credentials.find((c) => c.role === 'rep')!]) {
      expect(
        (await api.requestAs('anonymous', 'POST', '/api/auth/sign-in', { email: user.email, password: user.password }))
          .status,
      ).toBe(200);
    }
    const leads = (await api.request('GET', '/api/leads?limit=200')).body;
    expect(leads.filter((l: any) => l.ownerId === null)).toEqual([]);

    // Playbooks: published, each bound to its own segment, one with a holdout, each segment with an SLA policy.
    const playbooks = (await api.request('GET', '/api/playbooks')).body;
    expect(playbooks.length).toBeGreaterThanOrEqual(2);
    for (const p of playbooks)
      expect(p).toMatchObject({ status: 'active', publishedVersion: 1, segmentId: expect.any(String) });
    expect(new Set(playbooks.map((p: any) => p.segmentId)).size).toBe(playbooks.length);
    expect(playbooks.filter((p: any) => p.holdoutPercent > 0)).toHaveLength(1);
    const policies = (await api.request('GET', '/api/sla/policies')).body;
    expect(policies.map((p: any) => p.segmentId).sort()).toEqual(playbooks.map((p: any) => p.segmentId).sort());

    // Enrolment: every current member of a bound segment got a run (a workflow start, or a holdout row).
    for (const p of summary.playbooks) {
      const members = segments.find((s: any) => s.name === p.segment).size;
      expect(p).toMatchObject({
        created: true,
        bound: true,
        slaPolicyCreated: true,
        enrolled: { members, started: expect.any(Number), refused: 0, existing: 0 },
      });
      expect(p.enrolled!.started + p.enrolled!.heldOut).toBe(members);
    }
    const runs = (await api.request('GET', '/api/runs?limit=500')).body;
    expect(runs.filter((r: any) => r.status === 'active').length).toBeGreaterThan(0);
    const lift = (await api.request('GET', '/api/dashboards/lift')).body;
    expect(lift.find((row: any) => row.comparison.control.leads > 0 && row.comparison.arm.leads > 0)).toBeDefined();

    const before = await countRows();
    const again = await seedDemo(services, { leads: LEADS });
    expect(again.credentials).toEqual([]);
    expect(again.summary.population.skipped).toBe(true);
    expect(again.summary.team).toEqual({ teamsCreated: 0, usersCreated: 0 });
    for (const p of again.summary.playbooks)
      expect(p).toMatchObject({ created: false, bound: false, slaPolicyCreated: false, enrolled: null });
    expect(await countRows()).toEqual(before);
  });

  it('enrols a bound segment again over HTTP without starting anything twice, and refuses a draft or an unbound playbook', async () => {
    const [bound] = (await api.request('GET', '/api/playbooks')).body;
    const segment = (await api.request('GET', '/api/segments')).body.find((s: any) => s.id === bound.segmentId);
    const response = await api.request('POST', `/api/playbooks/${bound.id}/enrol-members`);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      members: segment.size,
      started: 0,
      heldOut: 0,
      existing: segment.size,
      refused: 0,
    });
    // The seed's own enrolment is the system's; this one is the caller's, with the counts it answered.
    const enrolments = (await auditTrailOf(api.app.get(DataSource), 'playbook', bound.id)).filter(
      (e) => e.action === 'playbook.membersEnrolled',
    );
    expect(enrolments).toEqual([
      expect.objectContaining({ actor: { kind: 'system', id: null, label: null } }),
      expect.objectContaining({
        actor: { kind: 'user', id: api.admin.id, label: api.admin.email },
        before: null,
        after: { segmentId: segment.id, ...response.body },
      }),
    ]);

    const draft = (await api.request('POST', '/api/playbooks', { name: 'Not yet published' })).body;
    expect((await api.request('POST', `/api/playbooks/${draft.id}/enrol-members`)).status).toBe(409);
    await api.request('POST', `/api/playbooks/${draft.id}/publish`, {});
    const unbound = await api.request('POST', `/api/playbooks/${draft.id}/enrol-members`);
    expect(unbound.status).toBe(409);
    expect(unbound.body.message).toContain('bind the playbook');
  });
});
