import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { startLiveRefresh } from './live-refresh';

/**
 * Listens to a Server-Sent Events stream that says `changed` and invalidates `keys` each time (debounced), on
 * reconnect, and by polling while the stream is down (startLiveRefresh). Returns whether the stream is connected.
 */
export function useServerChanges(streamUrl: string, keys: readonly QueryKey[], fallbackMs: number): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const keysJson = JSON.stringify(keys);
  useEffect(() => {
    const invalidated = JSON.parse(keysJson) as QueryKey[];
    return startLiveRefresh({
      onLiveChange: setLive,
      refresh: () => invalidated.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey })),
      openStream: () =>
        typeof EventSource === 'undefined' ? null : new EventSource(streamUrl, { withCredentials: true }),
      fallbackMs,
      resyncMs: 60_000,
      debounceMs: 250,
      isHidden: () => document.visibilityState === 'hidden',
    });
  }, [queryClient, streamUrl, keysJson, fallbackMs]);
  return live;
}
