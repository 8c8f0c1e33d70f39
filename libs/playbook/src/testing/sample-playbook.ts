import type { LeadContext } from '../interpreter/lead-context';
import type { Playbook } from '../playbook-schema';

const at = (x: number, y: number): { x: number; y: number } => ({ x, y });

function sampleNodes(): Playbook['nodes'] {
  return [
    { id: 'entry', type: 'entry', position: at(0, 0), config: {} },
    {
      id: 'intro',
      type: 'send',
      position: at(0, 120),
      config: {
        channel: 'email',
        subject: '{{lead.company}} and {{segment.name}} teams',
        body: 'Hi {{lead.firstName}},\n\nWorth a quick call?\n\n{{owner.name}}',
        sender: { kind: 'owner' },
        onFailure: 'skip',
      },
    },
    { id: 'wait2d', type: 'wait', position: at(0, 240), config: { mode: 'duration', minutes: 2 * 24 * 60 } },
    {
      id: 'reply',
      type: 'waitForEvent',
      position: at(0, 360),
      config: { eventTypes: ['email_reply'], timeoutMinutes: 3 * 24 * 60 },
    },
    {
      id: 'replied',
      type: 'branch',
      position: at(0, 480),
      config: { condition: { op: 'eventSeen', eventType: 'email_reply' } },
    },
    {
      id: 'call',
      type: 'task',
      position: at(-150, 600),
      config: {
        taskType: 'call',
        title: 'Call {{lead.firstName}} ({{lead.company}})',
        priority: 'high',
        dueInMinutes: 240,
        waitForCompletion: false,
        timeoutMinutes: 0,
      },
    },
    {
      id: 'booked',
      type: 'goal',
      position: at(-150, 720),
      config: { eventTypes: ['demo_booked'], windowMinutes: 7 * 24 * 60 },
    },
    { id: 'noReply', type: 'exit', position: at(150, 600), config: { reason: 'no-reply' } },
  ];
}

function sampleEdges(): Playbook['edges'] {
  return [
    { id: 'e1', source: 'entry', sourceHandle: 'next', target: 'intro' },
    { id: 'e2', source: 'intro', sourceHandle: 'next', target: 'wait2d' },
    { id: 'e3', source: 'wait2d', sourceHandle: 'next', target: 'reply' },
    { id: 'e4', source: 'reply', sourceHandle: 'matched', target: 'replied' },
    { id: 'e5', source: 'reply', sourceHandle: 'timedOut', target: 'replied' },
    { id: 'e6', source: 'replied', sourceHandle: 'yes', target: 'call' },
    { id: 'e7', source: 'replied', sourceHandle: 'no', target: 'noReply' },
    { id: 'e8', source: 'call', sourceHandle: 'next', target: 'booked' },
  ];
}

/**
 * A valid playbook for tests and demo seeding:
 * entry → send email → wait 2 days → waitForEvent(email_reply, 3 days) → branch(replied?) →
 * yes: call task → goal(demo_booked, 7-day window); no: exit(no-reply).
 *
 * @example
 * expect(validatePlaybook(samplePlaybook())).toEqual([]);
 */
export function samplePlaybook(): Playbook {
  return {
    schemaVersion: 1,
    settings: {
      goalEvents: ['demo_booked'],
      quietHours: { start: '20:00', end: '08:00' },
      maxTouchesPerDay: 2,
      reentry: { policy: 'afterDays', days: 30 },
    },
    nodes: sampleNodes(),
    edges: sampleEdges(),
  };
}

/**
 * A lead for tests: Asia/Kolkata, owned by `rep-1`, email not unsubscribed. Override any field.
 *
 * @example
 * sampleLead({ timeZone: 'Europe/Berlin' });
 */
export function sampleLead(overrides: Partial<LeadContext> = {}): LeadContext {
  return {
    id: 'lead-1',
    firstName: 'Priya',
    lastName: 'Nair',
    company: 'Acme',
    email: 'priya@acme.in',
    timeZone: 'Asia/Kolkata',
    attributes: { country: 'IN', employees: 120 },
    features: { emailOpens7d: 3, score: 72 },
    segment: { id: 'seg-1', name: 'Warm APAC' },
    owner: { id: 'rep-1', name: 'Rahul', address: 'rahul@segflow.io' },
    unsubscribedChannels: [],
    ...overrides,
  };
}
