import type { RouteRule } from '../nodes/route-node';
import { validatePlaybook } from '../validation/validate-playbook';
import { dormantWinBackTemplate, hotLeadFastFollowTemplate, whatsappCheckInTemplate } from './demo-playbooks';

const route: RouteRule = {
  kind: 'territory',
  rules: [{ country: 'IN', teamId: 'india' }],
  fallbackTeamId: 'international',
};
const templates = [hotLeadFastFollowTemplate, dormantWinBackTemplate, whatsappCheckInTemplate];

function waitsOf(graph: ReturnType<typeof hotLeadFastFollowTemplate>['graph']): number[] {
  return graph.nodes.flatMap((n) => {
    if (n.type === 'wait' && n.config.mode === 'duration') return [n.config.minutes];
    if (n.type === 'waitForEvent') return [n.config.timeoutMinutes];
    if (n.type === 'goal') return [n.config.windowMinutes];
    if (n.type === 'task' && n.config.waitForCompletion) return [n.config.timeoutMinutes];
    return [];
  });
}

describe('playbook templates', () => {
  it.each(templates.map((t) => [t.name, t]))(
    '%s publishes without issues, at real pace and at demo pace',
    (_, template) => {
      expect(validatePlaybook(template({ route }).graph)).toEqual([]);
      expect(validatePlaybook(template({ route, minutesPerDay: 3, quietHours: null }).graph)).toEqual([]);
    },
  );

  it.each(templates.map((t) => [t.name, t]))(
    '%s scales every wait with minutesPerDay and keeps task due times real',
    (_, template) => {
      const real = template({ route }).graph;
      const demo = template({ route, minutesPerDay: 3 }).graph;
      expect(waitsOf(demo)).toEqual(waitsOf(real).map((minutes) => Math.max(1, Math.round((minutes / 1440) * 3))));
      const dueTimes = (g: typeof real) => g.nodes.flatMap((n) => (n.type === 'task' ? [n.config.dueInMinutes] : []));
      expect(dueTimes(demo)).toEqual(dueTimes(real));
    },
  );

  it('routes with the rule it is given and honours quiet hours unless told not to', () => {
    const graph = hotLeadFastFollowTemplate({ route }).graph;
    expect(graph.nodes.find((n) => n.type === 'route')?.config).toEqual({ rule: route });
    expect(graph.settings.quietHours).toEqual({ start: '20:00', end: '08:00' });
    expect(hotLeadFastFollowTemplate({ route, quietHours: null }).graph.settings.quietHours).toBeNull();
  });
});
