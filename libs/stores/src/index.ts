export * from './queryable';
// st-runs
export * from './runs.store';
export * from './lead-for-launch.store';
export * from './playbooks.store';
export * from './playbook-versions.store';
export * from './segment-bindings.store';
export * from './pinned-playbook.store';
export * from './touches.store';
export * from './touch-lookup.store';
export * from './touch-recipient.store';
export * from './tasks.store';
export * from './task-activity.store';
export * from './lead-touch-days.store';
export * from './owner-assignments.store';
export * from './routing-cursors.store';
export * from './routing-reps.store';
export * from './segment-enrolment.store';
