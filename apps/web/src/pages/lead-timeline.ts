import type { LeadDetail, RunDetail, TaskDto, TouchDto } from '@segflow/api-contracts';

/** One line of a lead's timeline. */
export interface TimelineItem {
  at: string;
  kind: 'event' | 'segment' | 'run' | 'touch' | 'task';
  title: string;
  detail?: string;
  runId?: string;
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
    ...lead.events.map((e): TimelineItem => ({
      at: e.occurredAt,
      kind: 'event',
      title: e.type,
      detail: e.channel ?? undefined,
    })),
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
