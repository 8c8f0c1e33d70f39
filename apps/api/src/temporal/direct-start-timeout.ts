/**
 * Longest wait for a workflow start a request makes itself: the client retries an unreachable Temporal for ~10 s,
 * and the request need not wait for that, since its outbox row starts the workflow later.
 */
export const DIRECT_START_TIMEOUT_MS = 2_000;
