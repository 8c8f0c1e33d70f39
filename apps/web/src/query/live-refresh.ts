/** The part of EventSource the live refresh uses (so tests can hand in a fake). */
export interface EventStream {
  readonly readyState: number;
  addEventListener(type: string, listener: () => void): void;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up reconnecting (e.g. the stream answered 401 or 403). */
const CLOSED = 2;

export interface LiveRefreshOptions {
  /** Refetches the list; called after changes, on reconnect and while polling. */
  refresh: () => void;
  /** Opens the event stream, or returns null where EventSource is unavailable (then it only polls). */
  openStream: () => EventStream | null;
  /** Poll this often while the stream is not connected. */
  fallbackMs: number;
  /** Refetch this often even while connected: snoozes that end and changes missed during a reconnect show up. */
  resyncMs: number;
  /** Coalesce bursts of `changed` events (a batch of new tasks) into one refetch. */
  debounceMs: number;
  isHidden: () => boolean;
  /** Told whenever the stream connects or drops, so the page can say whether it is live. */
  onLiveChange?: (live: boolean) => void;
}

/**
 * Keeps a list fresh from a Server-Sent Events stream that says `changed` (then refetch), falling back to polling
 * while the stream is down; EventSource reconnects by itself, and a reconnect refetches what may have been missed.
 * Returns a function that stops everything.
 */
export function startLiveRefresh(options: LiveRefreshOptions): () => void {
  let live = false;
  let stopped = false;
  const setLive = (value: boolean) => {
    if (value === live) return;
    live = value;
    if (!stopped) options.onLiveChange?.(value);
  };
  let lastRefresh = Date.now();
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const refresh = () => {
    // An event already queued when the page stopped listening must not refetch for an unmounted list.
    if (stopped) return;
    lastRefresh = Date.now();
    options.refresh();
  };
  const stream = options.openStream();
  stream?.addEventListener('ready', () => {
    // Changes made before the stream was listening (since the initial load, or during a reconnect) were not heard.
    setLive(true);
    refresh();
  });
  stream?.addEventListener('changed', () => {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      refresh();
    }, options.debounceMs);
  });
  stream?.addEventListener('error', () => setLive(false));
  const tick = setInterval(
    () => {
      if (options.isHidden()) return;
      if (stream?.readyState === CLOSED) setLive(false);
      const due = live ? options.resyncMs : options.fallbackMs;
      if (Date.now() - lastRefresh >= due) refresh();
    },
    Math.min(options.fallbackMs, options.resyncMs),
  );
  return () => {
    stopped = true;
    clearInterval(tick);
    if (debounce) clearTimeout(debounce);
    stream?.close();
  };
}
