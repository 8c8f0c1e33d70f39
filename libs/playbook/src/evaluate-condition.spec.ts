import type { Condition } from './nodes/condition';
import { evaluateCondition } from './evaluate-condition';
import { sampleLead } from './testing';

const scope = { lead: sampleLead({ owner: null }), eventsSeen: { email_reply: 1, 'email_reply@email': 1 } };
const feature = (comparator: string, value?: unknown): Condition =>
  ({ op: 'compare', field: { scope: 'feature', name: 'score' }, comparator, value }) as Condition;

describe('evaluateCondition', () => {
  it.each<[string, Condition, boolean]>([
    ['gte true', feature('gte', 72), true],
    ['gt false', feature('gt', 72), false],
    ['lt', feature('lt', 100), true],
    ['lte', feature('lte', 71), false],
    ['eq', feature('eq', 72), true],
    ['neq', feature('neq', 72), false],
    ['in', feature('in', [1, 72]), true],
    ['exists', feature('exists'), true],
    [
      'missing feature is not gte 0',
      { op: 'compare', field: { scope: 'feature', name: 'nope' }, comparator: 'gte', value: 0 },
      false,
    ],
    [
      'missing feature neq',
      { op: 'compare', field: { scope: 'feature', name: 'nope' }, comparator: 'neq', value: 1 },
      true,
    ],
    [
      'lead built-in field',
      { op: 'compare', field: { scope: 'lead', field: 'company' }, comparator: 'eq', value: 'Acme' },
      true,
    ],
    [
      'lead attribute contains (case-insensitive)',
      { op: 'compare', field: { scope: 'lead', field: 'country' }, comparator: 'contains', value: 'in' },
      true,
    ],
    [
      'mixed types do not order',
      { op: 'compare', field: { scope: 'lead', field: 'country' }, comparator: 'gt', value: 3 },
      false,
    ],
    ['segment id', { op: 'compare', field: { scope: 'segment', field: 'id' }, comparator: 'eq', value: 'seg-1' }, true],
    [
      'unassigned owner does not exist',
      { op: 'compare', field: { scope: 'owner', field: 'id' }, comparator: 'exists' },
      false,
    ],
    ['event seen', { op: 'eventSeen', eventType: 'email_reply' }, true],
    ['event seen on channel', { op: 'eventSeen', eventType: 'email_reply', channel: 'whatsapp' }, false],
    ['and', { op: 'and', conditions: [feature('gt', 1), { op: 'eventSeen', eventType: 'x' }] }, false],
    ['or', { op: 'or', conditions: [feature('gt', 100), { op: 'eventSeen', eventType: 'email_reply' }] }, true],
    ['not', { op: 'not', condition: feature('gt', 100) }, true],
  ])('%s', (_name, condition, expected) => expect(evaluateCondition(condition, scope)).toBe(expected));
});

describe('evaluateCondition on custom attributes', () => {
  const lead = sampleLead({ attributes: { country: 'IN', plan: 'pro', seats: 12, renewal: '2026-03-31' } });
  const on = (key: string, comparator: string, value?: unknown) =>
    evaluateCondition({ op: 'compare', field: { scope: 'attribute', key }, comparator, value } as Condition, {
      lead,
      eventsSeen: {},
    });

  it('compares enums, numbers and dates (as YYYY-MM-DD), and tells set from unset', () => {
    expect(on('plan', 'eq', 'pro')).toBe(true);
    expect(on('plan', 'neq', 'pro')).toBe(false);
    expect(on('plan', 'in', ['free', 'pro'])).toBe(true);
    expect(on('seats', 'gte', 10)).toBe(true);
    expect(on('seats', 'lt', 10)).toBe(false);
    expect(on('renewal', 'lt', '2026-04-01')).toBe(true);
    expect(on('renewal', 'gt', '2026-12-31')).toBe(false);
    expect(on('plan', 'exists')).toBe(true);
    expect(on('tier', 'exists')).toBe(false);
    expect(on('tier', 'neq', 'x')).toBe(true);
  });
});

describe('evaluateCondition on reply intent', () => {
  const replied = (intent: string | null, confidence: number | null) => ({
    ...scope,
    lastReply: { eventType: 'whatsapp_reply', occurredAt: '2026-03-02T09:00:00Z', intent, confidence },
  });

  it.each<[string, Condition, ReturnType<typeof replied> | typeof scope, boolean]>([
    ['the last reply has the intent', { op: 'replyIntent', intent: 'pricing' }, replied('pricing', 0.8), true],
    ['the last reply has another intent', { op: 'replyIntent', intent: 'pricing' }, replied('later', 0.8), false],
    ['no reply yet', { op: 'replyIntent', intent: 'pricing' }, scope, false],
    ['a reply without text has no intent', { op: 'replyIntent', intent: 'pricing' }, replied(null, null), false],
    ['confident enough', { op: 'replyIntent', intent: 'pricing', minConfidence: 0.8 }, replied('pricing', 0.8), true],
    [
      'not confident enough',
      { op: 'replyIntent', intent: 'pricing', minConfidence: 0.9 },
      replied('pricing', 0.8),
      false,
    ],
    ['negated', { op: 'not', condition: { op: 'replyIntent', intent: 'pricing' } }, replied('later', 0.8), true],
  ])('%s', (_name, condition, within, expected) => expect(evaluateCondition(condition, within)).toBe(expected));
});
