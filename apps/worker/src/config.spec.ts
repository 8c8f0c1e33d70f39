import { loadWorkerConfigOrThrow } from './config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/segflow' };

describe('loadWorkerConfigOrThrow: email', () => {
  it('starts without SMTP_URL, with email defaults (opens off, 10 emails/s)', () => {
    const config = loadWorkerConfigOrThrow(base);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config).toMatchObject({
      PUBLIC_URL: 'http://127.0.0.1:3000', EMAIL_FROM_DOMAIN: 'segflow.local', EMAIL_TRACK_OPENS: 'off', EMAIL_MAX_PER_SECOND: 10, WHATSAPP_MAX_PER_SECOND: 20,
    });
  });

  it('drops a trailing slash of PUBLIC_URL (links are PUBLIC_URL + /u/…)', () => {
    expect(loadWorkerConfigOrThrow({ ...base, PUBLIC_URL: 'https://app.segflow.io/' }).PUBLIC_URL).toBe('https://app.segflow.io');
  });

  it.each([
    [{ SMTP_URL: 'smtp://relay:587' }, 'SEGFLOW_SECRET: required with SMTP_URL'],
    [{ SMTP_URL: 'http://relay:587', SEGFLOW_SECRET: 'x'.repeat(16) }, 'SMTP_URL: must be an smtp:// or smtps:// URL'],
    [{ SEGFLOW_SECRET: 'short' }, 'SEGFLOW_SECRET: at least 16 characters'],
    [{ EMAIL_DKIM_SELECTOR: 'sf1' }, 'EMAIL_DKIM_PRIVATE_KEY_FILE: EMAIL_DKIM_SELECTOR and EMAIL_DKIM_PRIVATE_KEY_FILE go together'],
    [{ EMAIL_FROM_DOMAIN: 'not a domain' }, 'EMAIL_FROM_DOMAIN: must be a domain name'],
    [{ EMAIL_MAX_PER_SECOND: '0' }, 'EMAIL_MAX_PER_SECOND'],
    [{ EMAIL_TRACK_OPENS: 'yes' }, 'EMAIL_TRACK_OPENS'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadWorkerConfigOrThrow({ ...base, ...env })).toThrow(message);
  });
});
