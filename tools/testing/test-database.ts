import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** URL of the admin database of the test PostgreSQL started by the jest global setup. */
export function testAdminUrl(): string {
  const url = process.env.SEGFLOW_TEST_DATABASE_URL;
  if (!url) throw new Error('SEGFLOW_TEST_DATABASE_URL is not set: run the tests through `npm test`');
  return url;
}

/** Temporal address of the dev server started by the jest global setup. */
export function testTemporalAddress(): string {
  const address = process.env.SEGFLOW_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('SEGFLOW_TEST_TEMPORAL_ADDRESS is not set: run the tests through `npm test`');
  return address;
}

/**
 * What a worker under test sends email with: the jest global setup's SMTP sink (accepts every message, keeps none)
 * and a fixed test secret for the signed links. Specs that look at the mail start their own server.
 */
export function testWorkerEmailEnv(): { SMTP_URL: string; SEGFLOW_SECRET: string } {
  const url = process.env.SEGFLOW_TEST_SMTP_URL;
  if (!url) throw new Error('SEGFLOW_TEST_SMTP_URL is not set: run the tests through `npm test`');
  return { SMTP_URL: url, SEGFLOW_SECRET: 'segflow-test-secret-0123456789' };
}

/** A fresh, empty database for one test file; returns its URL. Files never share state. */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A task queue name no other test file uses, so workers of parallel files never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}
