// The outbox's message types live with its store (libs/stores/src/outbox.store.ts); re-exported for the API modules
// that build messages (events, segments).
export type { OutboxKind, OutboxMessage } from '@segflow/stores';
