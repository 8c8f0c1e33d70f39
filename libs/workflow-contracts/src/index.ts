export * from './task-queues';
export * from './lead-intake';
export * from './playbook-run';
export * from './touch-cap';
export * from './scheduled-retrain';
