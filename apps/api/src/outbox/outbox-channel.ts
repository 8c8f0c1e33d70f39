/** `application_name` of the dispatcher's listening connection. */
export const OUTBOX_LISTENER_NAME = 'segflow-outbox-listener';
