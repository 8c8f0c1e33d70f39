import { useCallback, useEffect, useRef, useState } from 'react';
import { startLiveRefresh } from './live-refresh';

/** Holds the latest result of `load()`: the data, the latest error and a stable `refresh` to call after an action. */
function useLoader<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const refresh = useCallback(async () => {
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, []);
  return { data, error, refresh };
}

/**
 * Loads `load()` now and every `intervalMs` (paused while the tab is hidden), so lists update without a reload.
 * Returns the latest data, the latest error and a `refresh` to call after an action.
 */
export function usePolling<T>(load: () => Promise<T>, intervalMs: number, deps: unknown[] = []) {
  const loader = useLoader(load);
  const { refresh } = loader;
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void refresh();
    }, intervalMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh, intervalMs, ...deps]);
  return loader;
}

/**
 * Loads `load()` now and again whenever the Server-Sent Events stream at `streamUrl` says `changed`; polls every
 * `fallbackMs` while the stream is down (see startLiveRefresh). Same result as {@link usePolling}, plus whether
 * the stream is connected (`live`).
 */
export function useLiveData<T>(load: () => Promise<T>, streamUrl: string, fallbackMs: number, deps: unknown[] = []) {
  const loader = useLoader(load);
  const [live, setLive] = useState(false);
  const { refresh } = loader;
  useEffect(() => {
    void refresh();
    return startLiveRefresh({
      onLiveChange: setLive,
      refresh: () => void refresh(),
      openStream: () => (typeof EventSource === 'undefined' ? null : new EventSource(streamUrl, { withCredentials: true })),
      fallbackMs,
      resyncMs: 60_000,
      debounceMs: 250,
      isHidden: () => document.visibilityState === 'hidden',
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refresh, streamUrl, fallbackMs, ...deps]);
  return { ...loader, live };
}
