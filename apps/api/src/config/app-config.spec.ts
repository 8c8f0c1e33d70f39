import { loadConfigOrThrow } from './app-config';

describe('loadConfigOrThrow', () => {
  it('applies defaults to everything but DATABASE_URL', () => {
    const config = loadConfigOrThrow({ DATABASE_URL: 'postgres://u:p@localhost:5432/db' });
    expect(config).toMatchObject({
      API_PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_TASK_QUEUE: 'segflow',
    });
  });

  it('names the missing variable', () => {
    expect(() => loadConfigOrThrow({})).toThrow(/DATABASE_URL/);
  });

  it('names a bad port and why', () => {
    expect(() => loadConfigOrThrow({ DATABASE_URL: 'postgres://localhost/db', API_PORT: '99999' })).toThrow(
      /API_PORT: .*65535/,
    );
  });

  it('refuses a non-postgres database URL', () => {
    expect(() => loadConfigOrThrow({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });

  it('reads RETRAIN_SCHEDULE as weekly, off or a five-field cron in an IANA zone, and names a bad one', () => {
    const base = { DATABASE_URL: 'postgres://localhost/db' };
    expect(loadConfigOrThrow(base)).toMatchObject({ RETRAIN_SCHEDULE: 'weekly', RETRAIN_SCHEDULE_TIMEZONE: 'UTC' });
    for (const schedule of ['off', '30 2 * * 1-5'])
      expect(loadConfigOrThrow({ ...base, RETRAIN_SCHEDULE: schedule }).RETRAIN_SCHEDULE).toBe(schedule);
    expect(() => loadConfigOrThrow({ ...base, RETRAIN_SCHEDULE: 'daily' })).toThrow(/RETRAIN_SCHEDULE: must be weekly/);
    expect(() => loadConfigOrThrow({ ...base, RETRAIN_SCHEDULE_TIMEZONE: 'Mars/Olympus' })).toThrow(
      /RETRAIN_SCHEDULE_TIMEZONE/,
    );
  });

  it('reads QUIET_HOURS_DEFAULT as a window, off by default, and names a bad one', () => {
    const base = { DATABASE_URL: 'postgres://localhost/db' };
    expect(loadConfigOrThrow(base).QUIET_HOURS_DEFAULT).toBeNull();
    expect(loadConfigOrThrow({ ...base, QUIET_HOURS_DEFAULT: '21:00-09:00' }).QUIET_HOURS_DEFAULT).toEqual({
      start: '21:00',
      end: '09:00',
    });
    expect(() => loadConfigOrThrow({ ...base, QUIET_HOURS_DEFAULT: '9pm-9am' })).toThrow(
      /QUIET_HOURS_DEFAULT: expected HH:MM-HH:MM/,
    );
  });

  it('refuses the WhatsApp sandbox without its token, app secret and phone number id', () => {
    const db = 'postgres://localhost/db';
    expect(() => loadConfigOrThrow({ DATABASE_URL: db, WHATSAPP_SANDBOX: 'on' })).toThrow(
      /WHATSAPP_SANDBOX: the sandbox needs WHATSAPP_APP_SECRET/,
    );
    expect(
      loadConfigOrThrow({
        DATABASE_URL: db,
        WHATSAPP_SANDBOX: 'on',
        WHATSAPP_APP_SECRET: 'app-secret',
        WHATSAPP_ACCESS_TOKEN: 't',
        WHATSAPP_PHONE_NUMBER_ID: '1',
      }),
    ).toMatchObject({ WHATSAPP_SANDBOX: 'on' });
  });

  it('leaves tracing off by default, names the API’s service, and refuses an OTLP protocol other than http/json', () => {
    const base = { DATABASE_URL: 'postgres://localhost/db' };
    const config = loadConfigOrThrow(base);
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(config.OTEL_SERVICE_NAME).toBe('segflow-api');
    expect(() => loadConfigOrThrow({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\):\/\/ URL/,
    );
    expect(() => loadConfigOrThrow({ ...base, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL: only http\/json is supported/,
    );
  });
});
