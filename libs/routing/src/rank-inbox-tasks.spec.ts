import { rankInboxTasks, rankTask, type RankableTask } from './rank-inbox-tasks';

const now = new Date('2026-03-02T05:00:00Z');
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);
const task = (id: string, fields: Partial<RankableTask> = {}): RankableTask => ({
  id,
  priority: 'normal',
  slaDueAt: null,
  slaBreached: false,
  dueAt: inMinutes(24 * 60),
  likelihood: 0.5,
  ...fields,
});

describe('rankTask', () => {
  it('weighs urgency ½, priority ¼ and likelihood ¼', () => {
    const rank = rankTask(task('t', { priority: 'high', dueAt: now, likelihood: 0.6 }), now);
    expect(rank).toMatchObject({ urgency: 1, priority: 0.75, likelihood: 0.6 });
    expect(rank.value).toBeCloseTo(0.8375, 10);
  });

  it('halves urgency every two hours before the deadline, and the SLA deadline wins over the task due time', () => {
    expect(rankTask(task('t', { dueAt: inMinutes(120) }), now).urgency).toBeCloseTo(0.5, 10);
    expect(rankTask(task('t', { dueAt: inMinutes(240) }), now).urgency).toBeCloseTo(0.25, 10);
    expect(rankTask(task('t', { slaDueAt: inMinutes(120), dueAt: inMinutes(-5) }), now).urgency).toBeCloseTo(0.5, 10);
  });

  it('counts a breached SLA as fully urgent, and clamps the likelihood into [0, 1]', () => {
    const rank = rankTask(task('t', { slaDueAt: inMinutes(-12), slaBreached: true, likelihood: 1.7 }), now);
    expect(rank).toMatchObject({ urgency: 1, likelihood: 1 });
  });

  it('says why in one line', () => {
    expect(
      rankTask(task('t', { slaDueAt: inMinutes(-12), slaBreached: true, priority: 'high', likelihood: 0.82 }), now).why,
    ).toBe('first-touch SLA missed 12 min ago · high priority · 82% likely to convert');
    expect(rankTask(task('t', { dueAt: inMinutes(300), priority: 'low', likelihood: 0.1 }), now).why).toBe(
      'task due in 5 h · low priority · 10% likely to convert',
    );
  });
});

describe('rankInboxTasks', () => {
  it('orders by the weighted rule: a likely buyer due in an hour goes before an unlikely lead whose SLA was missed', () => {
    const tasks = [
      task('unlikely-soon', { dueAt: inMinutes(30), likelihood: 0.05 }),
      task('likely-later', { dueAt: inMinutes(60), likelihood: 0.95 }),
      task('breached', { slaDueAt: inMinutes(-3), slaBreached: true, priority: 'low', likelihood: 0.1 }),
      task('tomorrow-urgent', { priority: 'urgent', likelihood: 0.9 }),
    ];
    // unlikely-soon: 0.5·2^(−¼) + 0.125 + 0.0125 ≈ 0.558; likely-later: 0.5·2^(−½) + 0.125 + 0.2375 ≈ 0.716;
    // breached: 0.5 + 0.0625 + 0.025 = 0.5875; tomorrow-urgent: 0.5·2^(−12) + 0.25 + 0.225 ≈ 0.475.
    expect(rankInboxTasks(tasks, now).map((t) => t.id)).toEqual([
      'likely-later',
      'breached',
      'unlikely-soon',
      'tomorrow-urgent',
    ]);
  });

  it('breaks equal ranks by the earlier deadline, then by id', () => {
    const same = { slaBreached: true, slaDueAt: inMinutes(-10) };
    const tasks = [task('b', same), task('a', same), task('c', { ...same, slaDueAt: inMinutes(-20) })];
    expect(rankInboxTasks(tasks, now).map((t) => t.id)).toEqual(['c', 'a', 'b']);
  });
});
