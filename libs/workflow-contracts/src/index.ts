export * from './task-queues';
export * from './lead-intake';
