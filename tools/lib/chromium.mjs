import { existsSync } from 'node:fs';
import { say } from './log.mjs';
import { run } from './run.mjs';

export const CHROMIUM_PATH = process.env.SEGFLOW_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's chromium drives the browser tests; installed with apt-get when we are root and it is absent. */
export async function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: install it (sudo apt-get install chromium) or set SEGFLOW_CHROMIUM`,
    );
  }
  say('installing chromium with apt-get (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
