import type { LeadDetail, LeadEvent, RunDetail, StoredReplyIntent, TaskDto, TouchDto } from '@segflow/api-contracts';

/** One line of a lead's timeline; a classified reply carries its intent. */
export interface TimelineItem {
  at: string;
  kind: 'event' | 'segment' | 'run' | 'touch' | 'task';
  title: string;
  detail?: string;
  runId?: string;
  intent?: StoredReplyIntent;
}

/**
 * The intent ingest stored on an event (`properties.intent`), if it has a well-formed one.
 *
 * @example
 * replyIntentOf({ properties: { intent: { intent: 'pricing', confidence: 0.9, language: 'hi-Latn', model: 'm' } } })?.intent; // 'pricing'
 */
export function replyIntentOf(event: Pick<LeadEvent, 'properties'>): StoredReplyIntent | undefined {
  const tag = event.properties['intent'] as Partial<StoredReplyIntent> | undefined;
  return typeof tag?.intent === 'string' && typeof tag.confidence === 'number' ? (tag as StoredReplyIntent) : undefined;
}

function eventItem(e: LeadEvent): TimelineItem {
  const intent = replyIntentOf(e);
  return {
    at: e.occurredAt,
    kind: 'event',
    title: e.type,
    detail: e.channel ?? undefined,
    ...(intent ? { intent } : {}),
  };
}

function membershipItems(lead: LeadDetail): TimelineItem[] {
  return lead.memberships.flatMap((m) => {
    const name = m.segmentName || m.segmentId;
    const entered: TimelineItem = {
      at: m.enteredAt,
      kind: 'segment',
      title: `Entered segment ${name}`,
      detail: m.reason,
    };
    return m.exitedAt ? [entered, { at: m.exitedAt, kind: 'segment', title: `Left segment ${name}` }] : [entered];
  });
}

function runItems(runs: RunDetail[]): TimelineItem[] {
  return runs.flatMap((run) => {
    const started: TimelineItem = {
      at: run.startedAt,
      kind: 'run',
      title: `Playbook run started (v${run.playbookVersion})`,
      detail: `status ${run.status}${run.currentNodeId ? `, at ${run.currentNodeId}` : ''}`,
      runId: run.id,
    };
    return run.endedAt
      ? [
          started,
          {
            at: run.endedAt,
            kind: 'run',
            title: `Playbook run ${run.status}`,
            detail: run.exitReason ?? undefined,
            runId: run.id,
          },
        ]
      : [started];
  });
}

/**
 * Events, segment changes, runs, touches and tasks of a lead merged into one timeline, newest first.
 * Touches and tasks are de-duplicated by id (they may come both from the runs and from their own lists).
 *
 * @example
 * buildLeadTimeline(lead, runs, touches)[0]; // the latest thing that happened
 */
export function buildLeadTimeline(lead: LeadDetail, runs: RunDetail[], touches: TouchDto[]): TimelineItem[] {
  const allTouches = new Map<string, TouchDto>();
  for (const touch of [...touches, ...runs.flatMap((r) => r.touches)]) allTouches.set(touch.id, touch);
  const tasks = new Map<string, TaskDto>();
  for (const task of runs.flatMap((r) => r.tasks)) tasks.set(task.id, task);
  const items: TimelineItem[] = [
    ...lead.events.map(eventItem),
    ...membershipItems(lead),
    ...runItems(runs),
    ...[...allTouches.values()].map((t): TimelineItem => ({
      at: t.createdAt,
      kind: 'touch',
      title: `${t.channel} touch ${t.status}${t.subject ? `: ${t.subject}` : ''}`,
      detail: `node ${t.nodeId}`,
      runId: t.runId,
    })),
    ...[...tasks.values()].map((t): TimelineItem => ({
      at: t.createdAt,
      kind: 'task',
      title: `${t.taskType} task (${t.status}): ${t.title}`,
      detail: `due ${new Date(t.dueAt).toLocaleString()}`,
      runId: t.runId ?? undefined,
    })),
  ];
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
