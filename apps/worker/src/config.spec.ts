import { DEFAULT_WHATSAPP_API_URL, loadWorkerConfigOrThrow } from './config';

const DATABASE_URL = 'postgres://segflow@127.0.0.1:5433/segflow';

describe('loadWorkerConfigOrThrow', () => {
  it("defaults to Meta's Graph API at a pinned version, with WhatsApp sending off", () => {
    expect(loadWorkerConfigOrThrow({ DATABASE_URL })).toMatchObject({ WHATSAPP_API_URL: DEFAULT_WHATSAPP_API_URL });
    expect(DEFAULT_WHATSAPP_API_URL).toMatch(/^https:\/\/graph\.facebook\.com\/v\d+\.0$/);
  });

  it('takes a phone number id and token together', () => {
    expect(
      loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_PHONE_NUMBER_ID: '109876', WHATSAPP_ACCESS_TOKEN: 't' }),
    ).toMatchObject({ WHATSAPP_PHONE_NUMBER_ID: '109876' });
    expect(() => loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_ACCESS_TOKEN: 't' })).toThrow(
      /WHATSAPP_ACCESS_TOKEN: set WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID together/,
    );
  });

  it('names a bad API URL', () => {
    expect(() => loadWorkerConfigOrThrow({ DATABASE_URL, WHATSAPP_API_URL: 'graph.facebook.com' })).toThrow(
      /WHATSAPP_API_URL/,
    );
  });
});

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/segflow' };

describe('loadWorkerConfigOrThrow: email', () => {
  it('starts without SMTP_URL, with email defaults (opens off, 10 emails/s)', () => {
    const config = loadWorkerConfigOrThrow(base);
    expect(config.SMTP_URL).toBeUndefined();
    expect(config).toMatchObject({
      PUBLIC_URL: 'http://127.0.0.1:3000',
      EMAIL_FROM_DOMAIN: 'segflow.local',
      EMAIL_TRACK_OPENS: 'off',
      EMAIL_MAX_PER_SECOND: 10,
      WHATSAPP_MAX_PER_SECOND: 20,
    });
  });

  it('drops a trailing slash of PUBLIC_URL (links are PUBLIC_URL + /u/…)', () => {
    expect(loadWorkerConfigOrThrow({ ...base, PUBLIC_URL: 'https://app.segflow.io/' }).PUBLIC_URL).toBe(
      'https://app.segflow.io',
    );
  });

  it.each([
    [{ SMTP_URL: 'smtp://relay:587' }, 'SEGFLOW_SECRET: required with SMTP_URL'],
    [{ SMTP_URL: 'http://relay:587', SEGFLOW_SECRET: 'x'.repeat(16) }, 'SMTP_URL: must be an smtp:// or smtps:// URL'],
    [{ SEGFLOW_SECRET: 'short' }, 'SEGFLOW_SECRET: at least 16 characters'],
    [
      { EMAIL_DKIM_SELECTOR: 'sf1' },
      'EMAIL_DKIM_PRIVATE_KEY_FILE: EMAIL_DKIM_SELECTOR and EMAIL_DKIM_PRIVATE_KEY_FILE go together',
    ],
    [{ EMAIL_FROM_DOMAIN: 'not a domain' }, 'EMAIL_FROM_DOMAIN: must be a domain name'],
    [{ EMAIL_MAX_PER_SECOND: '0' }, 'EMAIL_MAX_PER_SECOND'],
    [{ EMAIL_TRACK_OPENS: 'yes' }, 'EMAIL_TRACK_OPENS'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadWorkerConfigOrThrow({ ...base, ...env })).toThrow(message);
  });
});

describe('loadWorkerConfigOrThrow: tracing', () => {
  it('leaves tracing off by default and names the worker’s service', () => {
    const config = loadWorkerConfigOrThrow(base);
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(config.OTEL_SERVICE_NAME).toBe('segflow-worker');
  });

  it('takes an OTLP/HTTP endpoint and refuses another protocol than http/json, naming the variable', () => {
    expect(loadWorkerConfigOrThrow({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
    });
    expect(() => loadWorkerConfigOrThrow({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(() => loadWorkerConfigOrThrow({ ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL: only http\/json is supported/,
    );
  });
});
