/**
 * The PostgreSQL channel a commit of outbox rows notifies (trigger `outbox_notify`, migration 1764650000000) and the
 * dispatcher listens on.
 */
export const OUTBOX_CHANNEL = 'segflow_outbox';

/** `application_name` of the dispatcher's listening connection. */
export const OUTBOX_LISTENER_NAME = 'segflow-outbox-listener';
