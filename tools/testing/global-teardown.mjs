export default async function globalTeardown() {
  for (const stop of (globalThis.__segflowStops ?? []).reverse()) await stop();
}
