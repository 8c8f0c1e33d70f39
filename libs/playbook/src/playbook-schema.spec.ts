import { playbookSchema } from './playbook-schema';
import { samplePlaybook } from './testing';

describe('playbookSchema', () => {
  it('round-trips the sample playbook through JSON', () => {
    const json = JSON.parse(JSON.stringify(samplePlaybook())) as unknown;
    expect(playbookSchema.parse(json)).toEqual(samplePlaybook());
  });

  it('defaults a goal window to 0', () => {
    const raw = samplePlaybook() as unknown as { nodes: Array<{ id: string; config: Record<string, unknown> }> };
    delete raw.nodes.find((n) => n.id === 'booked')!.config['windowMinutes'];
    const parsed = playbookSchema.parse(raw);
    expect(parsed.nodes.find((n) => n.id === 'booked')?.config).toEqual({
      eventTypes: ['demo_booked'],
      windowMinutes: 0,
    });
  });

  it.each([
    ['unknown schema version', { schemaVersion: 2 }],
    ['unknown node type', { nodes: [{ id: 'x', type: 'sms', position: { x: 0, y: 0 }, config: {} }] }],
    ['bad quiet hours', { settings: { ...samplePlaybook().settings, quietHours: { start: '25:00', end: '08:00' } } }],
    ['afterDays without days', { settings: { ...samplePlaybook().settings, reentry: { policy: 'afterDays' } } }],
    [
      'calendar with an unknown zone',
      {
        nodes: [
          {
            id: 'w',
            type: 'wait',
            position: { x: 0, y: 0 },
            config: {
              mode: 'businessWindow',
              calendar: {
                timeZone: 'Mars/Base',
                workingHours: { days: [1], start: '09:00', end: '17:00' },
                holidays: [],
              },
            },
          },
        ],
      },
    ],
    [
      'split variant keys repeated',
      {
        nodes: [
          {
            id: 's',
            type: 'split',
            position: { x: 0, y: 0 },
            config: {
              variants: [
                { key: 'a', label: 'A', weight: 50 },
                { key: 'a', label: 'B', weight: 50 },
              ],
            },
          },
        ],
      },
    ],
  ])('rejects %s', (_name, patch) => {
    expect(playbookSchema.safeParse({ ...samplePlaybook(), ...patch }).success).toBe(false);
  });

  it("accepts a business calendar in the lead's zone", () => {
    const node = {
      id: 'w',
      type: 'wait',
      position: { x: 0, y: 0 },
      config: {
        mode: 'businessWindow',
        calendar: {
          timeZone: 'lead',
          workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
          holidays: ['2026-12-25'],
        },
      },
    };
    expect(playbookSchema.safeParse({ ...samplePlaybook(), nodes: [...samplePlaybook().nodes, node] }).success).toBe(
      true,
    );
  });
});
