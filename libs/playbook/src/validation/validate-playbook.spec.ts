import { samplePlaybook } from '../testing';
import type { Playbook } from '../playbook-schema';
import { validatePlaybook } from './validate-playbook';

type Mutation = (p: Playbook) => void;
const node = (p: Playbook, id: string) => {
  const found = p.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found as Playbook['nodes'][number] & { config: Record<string, unknown> };
};
const mutated = (mutate: Mutation): Playbook => {
  const p = samplePlaybook();
  mutate(p);
  return p;
};
const codes = (p: unknown) => validatePlaybook(p).map((i) => [i.code, i.edgeId ?? i.nodeId ?? null, i.field ?? null]);

describe('validatePlaybook', () => {
  it('names the node and the unknown feature, and lists the known ones', () => {
    const p = mutated((pb) => {
      node(pb, 'replied').config.condition = {
        op: 'compare',
        field: { scope: 'feature', name: 'score' },
        comparator: 'gte',
        value: 70,
      };
    });
    expect(validatePlaybook(p)).toEqual([
      {
        code: 'unknown-feature',
        nodeId: 'replied',
        field: 'config.condition',
        message: expect.stringMatching(/^unknown feature "score": one of recency, frequency, .*friction$/),
      },
    ]);
  });

  it('accepts the sample playbook', () => {
    expect(validatePlaybook(samplePlaybook())).toEqual([]);
  });

  it.each<[string, Mutation, Array<[string, string | null, string | null]>]>([
    [
      'no entry',
      (p) => {
        p.nodes = p.nodes.filter((n) => n.type !== 'entry');
        p.edges = p.edges.filter((e) => e.source !== 'entry');
      },
      [['entry-count', null, null]],
    ],
    [
      'two entries',
      (p) => {
        p.nodes.push({ id: 'entry2', type: 'entry', position: { x: 0, y: 0 }, config: {} });
        p.edges.push({ id: 'x', source: 'entry2', sourceHandle: 'next', target: 'intro' });
      },
      [
        ['entry-count', null, null],
        ['unreachable-node', 'entry2', null],
      ],
    ],
    [
      'duplicate edge id',
      (p) => {
        p.edges[1]!.id = 'e1';
      },
      [['duplicate-id', 'e1', null]],
    ],
    [
      'edge from unknown node',
      (p) => {
        p.edges.push({ id: 'x', source: 'ghost', sourceHandle: 'next', target: 'intro' });
      },
      [['edge-unknown-source', 'x', 'source']],
    ],
    [
      'edge to nowhere',
      (p) => {
        p.edges[6]!.target = 'ghost';
      },
      [
        ['edge-unknown-target', 'e7', 'target'],
        ['unreachable-node', 'noReply', null],
      ],
    ],
    [
      'edge from an unknown handle',
      (p) => {
        p.edges.push({ id: 'x', source: 'call', sourceHandle: 'done', target: 'noReply' });
      },
      [['edge-unknown-handle', 'x', 'sourceHandle']],
    ],
    [
      'edge into the entry',
      (p) => {
        p.edges.push({ id: 'x', source: 'intro', sourceHandle: 'failed', target: 'entry' });
      },
      [['edge-into-entry', 'x', 'target']],
    ],
    [
      'self-loop',
      (p) => {
        p.edges.push({ id: 'x', source: 'intro', sourceHandle: 'failed', target: 'intro' });
      },
      [['self-loop', 'x', null]],
    ],
    [
      'handle used twice',
      (p) => {
        p.edges.push({ id: 'x', source: 'replied', sourceHandle: 'no', target: 'call' });
      },
      [['handle-used-twice', 'replied', 'handles.no']],
    ],
    [
      'required handle unconnected',
      (p) => {
        p.edges = p.edges.filter((e) => e.id !== 'e7');
      },
      [
        ['handle-unconnected', 'replied', 'handles.no'],
        ['unreachable-node', 'noReply', null],
      ],
    ],
    [
      'failed handle required by followFailedEdge',
      (p) => {
        node(p, 'intro').config.onFailure = 'followFailedEdge';
      },
      [['handle-unconnected', 'intro', 'handles.failed']],
    ],
    [
      'unreachable node',
      (p) => {
        p.nodes.push({ id: 'orphan', type: 'exit', position: { x: 0, y: 0 }, config: { reason: 'x' } });
      },
      [['unreachable-node', 'orphan', null]],
    ],
    [
      'split weights',
      (p) => {
        p.nodes.push({
          id: 'ab',
          type: 'split',
          position: { x: 0, y: 0 },
          config: {
            variants: [
              { key: 'a', label: 'A', weight: 50 },
              { key: 'b', label: 'B', weight: 40 },
            ],
          },
        });
        p.edges = p.edges
          .filter((e) => e.id !== 'e1')
          .concat([
            { id: 'ea', source: 'entry', sourceHandle: 'next', target: 'ab' },
            { id: 'eb', source: 'ab', sourceHandle: 'a', target: 'intro' },
            { id: 'ec', source: 'ab', sourceHandle: 'b', target: 'noReply' },
          ]);
      },
      [['split-weights', 'ab', 'config.variants']],
    ],
    [
      'a branch on a feature the scoring library does not compute',
      (p) => {
        node(p, 'replied').config.condition = {
          op: 'or',
          conditions: [
            { op: 'compare', field: { scope: 'feature', name: 'intent' }, comparator: 'gte', value: 0.5 },
            { op: 'compare', field: { scope: 'feature', name: 'emailOpens7d' }, comparator: 'gte', value: 3 },
          ],
        };
      },
      [['unknown-feature', 'replied', 'config.condition']],
    ],
    [
      'cycle without a wait',
      (p) => {
        node(p, 'call').config.waitForCompletion = false;
        p.edges = p.edges.map((e) => (e.id === 'e8' ? { ...e, target: 'replied' } : e));
        p.nodes = p.nodes.filter((n) => n.id !== 'booked');
      },
      [['cycle-without-wait', 'replied', null]],
    ],
    [
      'wait duration too short',
      (p) => {
        node(p, 'wait2d').config.minutes = 0;
      },
      [['duration-out-of-range', 'wait2d', 'config.minutes']],
    ],
    [
      'timeout over 90 days',
      (p) => {
        node(p, 'reply').config.timeoutMinutes = 90 * 24 * 60 + 1;
      },
      [['duration-out-of-range', 'reply', 'config.timeoutMinutes']],
    ],
    [
      'waiting task timeout zero',
      (p) => {
        node(p, 'call').config.waitForCompletion = true;
        p.edges = p.edges
          .map((e) => (e.id === 'e8' ? { ...e, sourceHandle: 'done' } : e))
          .concat([{ id: 'to', source: 'call', sourceHandle: 'timedOut', target: 'noReply' }]);
      },
      [['duration-out-of-range', 'call', 'config.timeoutMinutes']],
    ],
    [
      'unknown template variable',
      (p) => {
        node(p, 'intro').config.body = 'Hi {{lead.nickname}}';
      },
      [['unknown-template-variable', 'intro', 'config.body']],
    ],
    [
      'malformed template',
      (p) => {
        node(p, 'call').config.title = 'Call {{lead.firstName';
      },
      [['malformed-template', 'call', 'config.title']],
    ],
    [
      'unknown variable in the HTML part',
      (p) => {
        node(p, 'intro').config.html = '<p>{{ lead.phone | default: "x" }}</p>';
      },
      [['unknown-template-variable', 'intro', 'config.html']],
    ],
    [
      'unknown filter in the subject',
      (p) => {
        node(p, 'intro').config.subject = '{{ lead.firstName | shout }}';
      },
      [['malformed-template', 'intro', 'config.subject']],
    ],
    [
      'unknown variable in a WhatsApp template parameter',
      (p) => {
        Object.assign(node(p, 'intro').config, {
          channel: 'whatsapp',
          whatsappTemplate: { name: 'hello', language: 'en', parameters: ['{{ lead.firstName }}', '{{ deal.size }}'] },
        });
        delete node(p, 'intro').config.subject;
      },
      [['unknown-template-variable', 'intro', 'config.whatsappTemplate.parameters.1']],
    ],
    [
      'whatsapp with an HTML part',
      (p) => {
        Object.assign(node(p, 'intro').config, { channel: 'whatsapp', html: '<p>x</p>' });
        delete node(p, 'intro').config.subject;
      },
      [['channel-field', 'intro', 'config.html']],
    ],
    [
      'email with a WhatsApp template',
      (p) => {
        node(p, 'intro').config.whatsappTemplate = { name: 'hello', language: 'en', parameters: [] };
      },
      [['channel-field', 'intro', 'config.whatsappTemplate']],
    ],
    [
      'email without subject',
      (p) => {
        delete node(p, 'intro').config.subject;
      },
      [['channel-field', 'intro', 'config.subject']],
    ],
    [
      'whatsapp with subject',
      (p) => {
        node(p, 'intro').config.channel = 'whatsapp';
      },
      [['channel-field', 'intro', 'config.subject']],
    ],
    [
      'WhatsApp template with a bad name',
      (p) => {
        Object.assign(node(p, 'intro').config, {
          channel: 'whatsapp',
          whatsappTemplate: { name: 'Intro Offer', language: 'en', parameters: [] },
        });
        delete node(p, 'intro').config.subject;
      },
      [['schema', 'intro', 'config.whatsappTemplate.name']],
    ],
    [
      'linkedin from a fixed sender',
      (p) => {
        Object.assign(node(p, 'intro').config, {
          channel: 'linkedin',
          subject: undefined,
          sender: { kind: 'fixed', name: 'A', address: 'a' },
        });
        delete node(p, 'intro').config.subject;
      },
      [['channel-sender', 'intro', 'config.sender']],
    ],
    [
      'goal without events',
      (p) => {
        node(p, 'booked').config.eventTypes = [];
      },
      [['goal-events-empty', 'booked', 'config.eventTypes']],
    ],
    [
      'waitForEvent without events',
      (p) => {
        node(p, 'reply').config.eventTypes = [];
      },
      [['event-types-empty', 'reply', 'config.eventTypes']],
    ],
    [
      'settings without goal events',
      (p) => {
        p.settings.goalEvents = [];
      },
      [['goal-events-empty', null, 'settings.goalEvents']],
    ],
    [
      'branch on a reply intent the classifier does not know, nested in an and',
      (p) => {
        node(p, 'replied').config.condition = {
          op: 'and',
          conditions: [
            { op: 'replyIntent', intent: 'pricing' },
            { op: 'not', condition: { op: 'replyIntent', intent: 'discount' } },
          ],
        };
      },
      [['unknown-intent', 'replied', 'config.condition.conditions.1.condition.intent']],
    ],
  ])('%s', (_name, mutate, expected) => {
    expect(codes(mutated(mutate))).toEqual(expected);
  });

  it('names the known intents when a branch names an unknown one', () => {
    const p = mutated((pb) => {
      node(pb, 'replied').config.condition = { op: 'replyIntent', intent: 'Pricing' };
    });
    expect(validatePlaybook(p)).toEqual([
      {
        code: 'unknown-intent',
        nodeId: 'replied',
        field: 'config.condition.intent',
        message:
          'unknown reply intent "Pricing" (expected one of interested, meeting_request, pricing, later, not_interested, unsubscribe, out_of_office, wrong_person, question)',
      },
    ]);
  });

  it('reports schema errors with node id and field path, and still checks the graph', () => {
    const p = mutated((pb) => {
      node(pb, 'intro').config.channel = 'fax';
      pb.edges[6]!.target = 'ghost';
    }) as unknown;
    expect(codes(p)).toEqual([
      ['schema', 'intro', 'config.channel'],
      ['edge-unknown-target', 'e7', 'target'],
      ['unreachable-node', 'noReply', null],
    ]);
  });

  it('reports settings and version schema errors from the root', () => {
    const p = {
      ...samplePlaybook(),
      schemaVersion: 2,
      settings: { ...samplePlaybook().settings, reentry: { policy: 'sometimes' } },
    };
    expect(codes(p).filter(([code]) => code === 'schema')).toEqual([
      ['schema', null, 'schemaVersion'],
      ['schema', null, 'settings.reentry.policy'],
    ]);
  });

  it('does not throw on garbage', () => {
    expect(codes(null)[0]?.[0]).toBe('schema');
    expect(codes({ nodes: 'x' }).length).toBeGreaterThan(0);
  });
});
