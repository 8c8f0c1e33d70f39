import { simulateRun } from '@segflow/playbook';
import { sampleLead, samplePlaybook } from '@segflow/playbook/testing';
import { formatKeyValues, parseKeyValues, toSimulationItems } from './simulation-timeline';

describe('toSimulationItems', () => {
  const start = new Date('2026-03-02T05:00:00Z');

  it('places rows at start + offset', () => {
    expect(
      toSimulationItems(
        [
          { kind: 'event', afterMinutes: 60, eventType: 'email_reply', channel: 'email' },
          { kind: 'taskCompleted', afterMinutes: 0, nodeId: 'call' },
          { kind: 'exit', afterMinutes: 1440, reason: 'left segment' },
        ],
        start,
      ),
    ).toEqual([
      { kind: 'event', at: '2026-03-02T06:00:00.000Z', event: { type: 'email_reply', channel: 'email' } },
      { kind: 'taskCompleted', at: '2026-03-02T05:00:00.000Z', nodeId: 'call' },
      { kind: 'exit', at: '2026-03-03T05:00:00.000Z', reason: 'left segment' },
    ]);
  });

  it('drives simulateRun down the path the timeline implies', () => {
    const replied = simulateRun({
      playbook: samplePlaybook(),
      lead: sampleLead(),
      startAt: start,
      events: toSimulationItems([{ kind: 'event', afterMinutes: 3 * 1440, eventType: 'email_reply' }], start),
    });
    const silent = simulateRun({ playbook: samplePlaybook(), lead: sampleLead(), startAt: start, events: [] });
    expect(replied.path.map((p) => p.nodeId)).toContain('call');
    expect(silent.path.map((p) => p.nodeId)).toContain('noReply');
  });
});

describe('toSimulationItems with a reply intent', () => {
  it('puts the intent where ingest stores it, so a branch on reply intent reads it', () => {
    const start = new Date('2026-03-02T05:00:00Z');
    expect(
      toSimulationItems([{ kind: 'event', afterMinutes: 5, eventType: 'whatsapp_reply', intent: 'pricing' }], start),
    ).toEqual([
      {
        kind: 'event',
        at: '2026-03-02T05:05:00.000Z',
        event: { type: 'whatsapp_reply', properties: { intent: { intent: 'pricing', confidence: 1 } } },
      },
    ]);
  });
});

describe('parseKeyValues', () => {
  it('types numbers and booleans and skips junk lines', () => {
    expect(parseKeyValues('country = IN\nemployees=120\n\nvip = true\nnonsense\nurl = a=b')).toEqual({
      country: 'IN',
      employees: 120,
      vip: true,
      url: 'a=b',
    });
  });

  it('round-trips with formatKeyValues', () => {
    const record = { country: 'IN', score: 72, vip: false };
    expect(parseKeyValues(formatKeyValues(record))).toEqual(record);
  });
});
