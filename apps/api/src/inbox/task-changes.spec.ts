import type { SessionUser } from '../auth/principal';
import { isTaskChangeFor, parseTaskChange } from './task-changes';

const user = (role: SessionUser['role'], id = `${role}-1`): SessionUser => ({
  id,
  role,
  email: `${id}@x.test`,
  name: id,
  teamId: null,
});

describe('parseTaskChange', () => {
  it('reads the trigger payload, and treats an unreadable one as a change for everyone', () => {
    expect(parseTaskChange('{"taskId":"t1","assignees":["r1",null]}')).toEqual({
      kind: 'tasks',
      taskId: 't1',
      assignees: ['r1', null],
    });
    expect(parseTaskChange('{"leadId":"l1","assignees":["r1"]}')).toEqual({
      kind: 'tasks',
      taskId: null,
      assignees: ['r1'],
    });
    expect(parseTaskChange('not json')).toEqual({ kind: 'everyone' });
    expect(parseTaskChange(undefined)).toEqual({ kind: 'everyone' });
  });
});

describe('isTaskChangeFor', () => {
  const change = (assignees: (string | null)[]) => ({ kind: 'tasks' as const, taskId: 't', assignees });

  it('lets a rep hear only of changes to their own tasks, including one taken away from them', () => {
    expect(isTaskChangeFor(user('rep', 'r1'), change(['r1']))).toBe(true);
    expect(isTaskChangeFor(user('rep', 'r1'), change(['r2', 'r1']))).toBe(true);
    expect(isTaskChangeFor(user('rep', 'r1'), change(['r2']))).toBe(false);
    expect(isTaskChangeFor(user('rep', 'r1'), change([null]))).toBe(false);
  });

  it("lets a manager hear of their team's reps and of unassigned tasks; admins hear all, ops nothing", () => {
    expect(isTaskChangeFor(user('manager'), change(['r1']), ['r1'])).toBe(true);
    expect(isTaskChangeFor(user('manager'), change(['r9']), ['r1'])).toBe(false);
    expect(isTaskChangeFor(user('manager'), change([null]), [])).toBe(true);
    expect(isTaskChangeFor(user('admin'), change(['r9']))).toBe(true);
    expect(isTaskChangeFor(user('ops'), change(['r9']))).toBe(false);
  });

  it('tells everyone after a reconnect that may have missed changes', () => {
    expect(isTaskChangeFor(user('rep'), { kind: 'everyone' })).toBe(true);
  });
});
