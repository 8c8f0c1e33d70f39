import type { LeadAttributeDefinition } from '@segflow/scoring';
import type { Condition } from '../nodes/condition';
import type { Playbook } from '../playbook-schema';
import { samplePlaybook } from '../testing';
import { validatePlaybook } from './validate-playbook';

const leadAttributes: LeadAttributeDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] },
  { key: 'seats', label: 'Seats', type: 'number', values: [] },
  { key: 'renewal', label: 'Renewal', type: 'date', values: [] },
  { key: 'notes', label: 'Notes', type: 'text', values: [] },
];

const withBranch = (condition: Condition): Playbook => {
  const p = samplePlaybook();
  const branch = p.nodes.find((n) => n.id === 'replied')! as { config: { condition: Condition } };
  branch.config.condition = condition;
  return p;
};
const withBody = (body: string): Playbook => {
  const p = samplePlaybook();
  const send = p.nodes.find((n) => n.type === 'send')! as { config: { body: string } };
  send.config.body = body;
  return p;
};
const attribute = (key: string, comparator: string, value?: unknown) =>
  ({ op: 'compare', field: { scope: 'attribute', key }, comparator, value }) as Condition;
const issuesOf = (p: Playbook) =>
  validatePlaybook(p, { leadAttributes }).map((i) => [i.code, i.nodeId, i.field, i.message]);

describe('validatePlaybook with custom lead attributes', () => {
  it('accepts templates reading attributes of the schema and refuses others, naming node and variable', () => {
    const sendId = samplePlaybook().nodes.find((n) => n.type === 'send')!.id;
    expect(issuesOf(withBody('Your {{ lead.attributes.plan }} plan, {{ lead.attributes.seats }} seats'))).toEqual([]);
    expect(issuesOf(withBody('Hi {{ lead.attributes.tier }}'))).toEqual([
      ['unknown-template-variable', sendId, 'config.body', 'unknown variable {{ lead.attributes.tier }}'],
    ]);
    // Without a schema no attribute is known, and built-in fields are not attributes.
    expect(validatePlaybook(withBody('{{ lead.attributes.plan }}')).map((i) => i.code)).toEqual([
      'unknown-template-variable',
    ]);
    expect(issuesOf(withBody('{{ lead.attributes.country }}')).map((i) => i[0])).toEqual(['unknown-template-variable']);
  });

  it.each<[string, Condition]>([
    ['enum eq', attribute('plan', 'eq', 'pro')],
    ['enum in', attribute('plan', 'in', ['free', 'pro'])],
    ['enum neq', attribute('plan', 'neq', 'free')],
    ['number gte', attribute('seats', 'gte', 10)],
    ['date before', attribute('renewal', 'lt', '2027-01-01')],
    ['text contains', attribute('notes', 'contains', 'cricket')],
    ['is set', attribute('notes', 'exists')],
    ['nested', { op: 'not', condition: attribute('plan', 'eq', 'free') }],
  ])('accepts %s', (_name, condition) => expect(issuesOf(withBranch(condition))).toEqual([]));

  it.each<[string, Condition, string, string]>([
    [
      'an unknown key',
      attribute('tier', 'eq', 'x'),
      'config.condition.field.key',
      'unknown lead attribute "tier" (not in the workspace schema)',
    ],
    [
      'a value outside the enum',
      attribute('plan', 'eq', 'gold'),
      'config.condition.value',
      'plan: expected one of free, pro',
    ],
    [
      'an enum list with a bad value',
      attribute('plan', 'in', ['pro', 'gold']),
      'config.condition.value',
      'plan: expected one of free, pro',
    ],
    [
      'ordering text',
      attribute('plan', 'gt', 'free'),
      'config.condition.comparator',
      'plan: gt compares numbers and dates; plan is enum',
    ],
    [
      'a number compared with text',
      attribute('seats', 'gte', 'ten'),
      'config.condition.value',
      'seats: expected a number',
    ],
    [
      'a bad date',
      attribute('renewal', 'lt', '2027-02-30'),
      'config.condition.value',
      'renewal: expected a date YYYY-MM-DD',
    ],
    [
      'contains on a number',
      attribute('seats', 'contains', '1'),
      'config.condition.comparator',
      'seats: contains reads text; seats is number',
    ],
    [
      'a nested bad comparison',
      { op: 'and', conditions: [{ op: 'eventSeen', eventType: 'email_reply' }, attribute('seats', 'eq', 'x')] },
      'config.condition.conditions.1.value',
      'seats: expected a number',
    ],
  ])('refuses %s, naming the node and field', (_name, condition, field, message) => {
    const [issue] = validatePlaybook(withBranch(condition), { leadAttributes });
    expect(issue).toEqual({ code: expect.stringMatching(/attribute/), nodeId: 'replied', field, message });
  });
});
