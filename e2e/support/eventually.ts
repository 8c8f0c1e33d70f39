import { inspect } from 'node:util';

/**
 * Re-runs `probe` until `accept` holds or the time is up; returns the last value either way, so the caller's
 * expect() shows what was actually seen.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await probe();
  }
  return value;
}

/**
 * {@link eventually} for a wait the rest of the test relies on: throws, showing the last value seen, when `accept`
 * never held, so a step that did not happen fails here instead of somewhere later or not at all.
 */
export async function until<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  intervalMs = 250,
): Promise<T> {
  const value = await eventually(probe, accept, timeoutMs, intervalMs);
  if (!accept(value))
    throw new Error(
      `still not so after ${timeoutMs} ms; last seen: ${inspect(value, { depth: 3, breakLength: Infinity }).slice(0, 500)}`,
    );
  return value;
}
