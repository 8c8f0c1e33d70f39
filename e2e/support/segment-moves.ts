import type { Playbook } from '@segflow/playbook';
import { buildPlaybook } from '@segflow/playbook/testing';
import type { ApiRequest } from './api-process';
import { eventually } from './eventually';

/**
 * A hand-made population whose first model (k = 3) has three behavioural segments: barely active leads, active
 * email leads (clicks, every 4th a reply) and active WhatsApp leads (reads, every 4th a reply); same firmographics,
 * activity spread over 1–30 events in the last 20 days. A lead moves between the active segments by changing
 * channel. (The counts in MOVES were checked against libs/scoring's pure model with the default hysteresis.)
 */
const PER_GROUP = 30;
const DAY_MS = 86_400_000;
const firmographics = { industry: 'saas', headcount: 40, country: 'IN', city: 'Pune', timezone: 'Asia/Kolkata' };

export type Group = 'email' | 'whatsapp';
export type SegmentKey = Group | 'quiet';
export const groupLead = (group: Group, i: number) => `pop-${group}-${i}`;

/** One channel event: every `replyEvery`-th is a reply, the others clicks (email) or reads (WhatsApp). */
function channelType(group: Group, n: number, replyEvery: number): string {
  if (n % replyEvery === replyEvery - 1) return group === 'email' ? 'email_reply' : 'whatsapp_reply';
  return group === 'email' ? 'email_click' : 'whatsapp_read';
}

function populationEvents(group: Group, i: number, now: number) {
  const count = 1 + ((i * 7) % PER_GROUP);
  return Array.from({ length: count }, (_, n) => ({
    eventId: `${groupLead(group, i)}-${n}`,
    leadExternalId: groupLead(group, i),
    type: channelType(group, n, 4),
    occurredAt: new Date(now - ((n * 13 + i) % 20) * DAY_MS - 60_000).toISOString(),
  }));
}

async function okOrThrow<T>(what: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const response = await call;
  if (response.status >= 300) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const leadBody = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  name: 'Asha Rao',
  company: 'Surat Silks',
  email: `${externalId}@suratsilks.test`,
  phone: '+919812345678',
  consent: { email: true, whatsapp: true, linkedin: true },
  ...firmographics,
  ...extra,
});

/** A lead with an email address and a phone; `extra` overrides (e.g. `email: null`). */
export function createLead(
  request: ApiRequest,
  externalId: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string }> {
  return okOrThrow(`lead ${externalId}`, request('POST', '/api/leads', leadBody(externalId, extra)));
}

/** Posts events through `POST /api/events`; throws if any item was rejected. */
export async function postEvents(request: ApiRequest, events: object[]): Promise<void> {
  const body = await okOrThrow(
    'events',
    request<{ results: Array<{ status: string }> }>('POST', '/api/events', { events }),
  );
  const rejected = body.results.filter((r) => r.status === 'rejected');
  if (rejected.length > 0) throw new Error(`events rejected: ${JSON.stringify(rejected.slice(0, 3))}`);
}

/**
 * Seeds the population through the API and trains the first model (k = 2), which activates without approval.
 * Returns the id of each group's segment, read from where a member of the group landed.
 */
export async function seedAndTrain(request: ApiRequest): Promise<Record<SegmentKey, string>> {
  const now = Date.now();
  const groups: Group[] = ['email', 'whatsapp'];
  for (const group of groups) {
    await okOrThrow(
      'population',
      request('POST', '/api/leads', {
        leads: Array.from({ length: PER_GROUP }, (_, i) => leadBody(groupLead(group, i))),
      }),
    );
    await postEvents(request, Array.from({ length: PER_GROUP }, (_, i) => populationEvents(group, i, now)).flat());
  }
  const model = await okOrThrow<{ id: string }>('retrain', request('POST', '/api/segments/retrain', { k: 3, seed: 7 }));
  const trained = await eventually(
    () => request<{ status: string }>('GET', `/api/segment-models/${model.id}`),
    (r) => ['active', 'failed', 'discarded'].includes(r.body.status),
    60_000,
    200,
  );
  if (trained.body.status !== 'active') throw new Error(`first model ended ${JSON.stringify(trained.body)}`);
  // Lead 4 of each group has 29 events; lead 0 has one.
  const ids = {
    email: await segmentOfLead(request, groupLead('email', 4)),
    whatsapp: await segmentOfLead(request, groupLead('whatsapp', 4)),
    quiet: await segmentOfLead(request, groupLead('whatsapp', 0)),
  };
  if (new Set(Object.values(ids)).size !== 3 || Object.values(ids).includes(null))
    throw new Error(`groups not separated: ${JSON.stringify(ids)}`);
  return ids as Record<SegmentKey, string>;
}

/** The lead's current segment id (GET /api/leads/:externalId), or null. */
export async function segmentOfLead(request: ApiRequest, externalId: string): Promise<string | null> {
  const detail = await okOrThrow<{ segment: { id: string } | null }>(
    `lead ${externalId}`,
    request('GET', `/api/leads/${externalId}`),
  );
  return detail.segment?.id ?? null;
}

/**
 * The mover's path: quiet (2 email events) → WhatsApp (5) → email (8) → WhatsApp again (30, every 2nd a reply).
 * Each step outweighs the channel accumulated before it by more than the hysteresis margin.
 */
export const MOVES: Array<{ channel: Group; count: number; replyEvery: number; lands: SegmentKey }> = [
  { channel: 'email', count: 2, replyEvery: 4, lands: 'quiet' },
  { channel: 'whatsapp', count: 5, replyEvery: 4, lands: 'whatsapp' },
  { channel: 'email', count: 8, replyEvery: 4, lands: 'email' },
  { channel: 'whatsapp', count: 30, replyEvery: 2, lands: 'whatsapp' },
];

const moverSeq = new Map<string, number>();

/** The events of one move, spread over the last 10 days like the population's (each call numbers them on). */
export function moveEvents(externalId: string, move: (typeof MOVES)[number]): object[] {
  const now = Date.now();
  return Array.from({ length: move.count }, () => {
    const seq = moverSeq.get(externalId) ?? 0;
    moverSeq.set(externalId, seq + 1);
    return {
      eventId: `${externalId}-m${seq}`,
      leadExternalId: externalId,
      type: channelType(move.channel, seq, move.replyEvery),
      occurredAt: new Date(now - ((seq * 7) % 10) * DAY_MS - 60_000).toISOString(),
    };
  });
}

/** Posts the events of MOVES[step] and checks the lead landed in the expected segment. */
export async function moveLead(
  request: ApiRequest,
  externalId: string,
  step: number,
  segments: Record<SegmentKey, string>,
): Promise<void> {
  const move = MOVES[step]!;
  await postEvents(request, moveEvents(externalId, move));
  const now = await segmentOfLead(request, externalId);
  if (now !== segments[move.lands])
    throw new Error(
      `${externalId} should be in the ${move.lands} segment ${segments[move.lands]} after move ${step} but is in ${now}`,
    );
}

const sender = { kind: 'fixed', name: 'Segflow', address: 'hi@segflow.test' } as const;

/** send (first touch) → call task (open) → wait 30 min → send → exit; re-entry per `reentry`. */
export function segmentPlaybook(reentry: Playbook['settings']['reentry']): Playbook {
  return buildPlaybook({
    settings: { goalEvents: ['demo_booked'], reentry, quietHours: null, maxTouchesPerDay: null },
    nodes: [
      {
        id: 'intro',
        type: 'send',
        config: { channel: 'whatsapp', body: 'Hi {{lead.firstName}}', sender, onFailure: 'skip' },
      },
      {
        id: 'call',
        type: 'task',
        config: {
          taskType: 'call',
          title: 'Call {{lead.firstName}}',
          priority: 'high',
          dueInMinutes: 60,
          waitForCompletion: false,
          timeoutMinutes: 0,
        },
      },
      { id: 'pause', type: 'wait', config: { mode: 'duration', minutes: 30 } },
      { id: 'nudge', type: 'send', config: { channel: 'whatsapp', body: 'Still there?', sender, onFailure: 'skip' } },
      { id: 'done', type: 'exit', config: { reason: 'sequence-done' } },
    ],
    edges: ['entry.next->intro', 'intro.next->call', 'call.next->pause', 'pause.next->nudge', 'nudge.next->done'],
  });
}

/** Creates, saves and publishes a playbook, binds it to `segmentId` (no holdout); returns its id. */
export async function publishAndBind(
  request: ApiRequest,
  graph: Playbook,
  segmentId: string,
  name = 'Segment playbook',
): Promise<string> {
  const created = await okOrThrow<{ id: string; draftRevision: number }>(
    'create playbook',
    request('POST', '/api/playbooks', { name }),
  );
  await okOrThrow(
    'save draft',
    request('PUT', `/api/playbooks/${created.id}/draft`, { graph, revision: created.draftRevision }),
  );
  await okOrThrow('publish', request('POST', `/api/playbooks/${created.id}/publish`, { note: 'test' }));
  await okOrThrow('bind', request('PUT', `/api/playbooks/${created.id}/binding`, { segmentId, holdoutPercent: 0 }));
  return created.id;
}

/** Runs of a lead (GET /api/runs?leadId=), oldest first. */
export async function runsOfLead(request: ApiRequest, leadId: string): Promise<any[]> {
  const runs = await okOrThrow<any[]>('runs', request('GET', `/api/runs?leadId=${leadId}`));
  return [...runs].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** One run with path, touches and tasks (GET /api/runs/:id). */
export const getRun = async (request: ApiRequest, runId: string): Promise<any> =>
  okOrThrow('run', request('GET', `/api/runs/${runId}`));
