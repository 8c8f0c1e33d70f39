import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempts per key (`email:<address>`, `ip:<address>`) in a fixed window that starts at the key's first
 * attempt, shared by every API replica (apps/api/src/auth/sign-in-attempts.store.ts). A row is reserved before the
 * password check, so a parallel burst cannot get past the limit; the index serves the sweep of ended windows.
 */
export class SignInAttempts1764840000000 implements MigrationInterface {
  name = 'SignInAttempts1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sign_in_attempts (
      key text PRIMARY KEY,
      attempts integer NOT NULL,
      window_ends_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX sign_in_attempts_window_ends_idx ON sign_in_attempts (window_ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_attempts`);
  }
}
