import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appConfigSchema } from '../apps/api/src/config/app-config';
import { workerConfigSchema } from '../apps/worker/src/config';

// No Docker engine runs on our machines, so the compose file is checked for consistency instead of being run.
const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
type Service = {
  image?: string; build?: { dockerfile: string }; environment?: Record<string, string>; volumes?: string[]; ports?: string[];
  networks?: Record<string, { ipv4_address?: string }>; depends_on?: string[] | Record<string, unknown>;
};
const services = compose.services as Record<string, Service>;
const dependsOn = (name: string) => {
  const d = services[name].depends_on ?? [];
  return Array.isArray(d) ? d : Object.keys(d);
};
const requiredKeys = (schema: { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }) =>
  Object.entries(schema.shape).filter(([, field]) => !field.safeParse(undefined).success).map(([key]) => key);

describe('docker-compose.yml', () => {
  it('describes postgres, temporal (+UI) and the three Segflow services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'web', 'worker']);
    expect(services.postgres.image).toMatch(/^postgres:/);
    expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
  });

  it.each([
    ['api', appConfigSchema],
    ['worker', workerConfigSchema],
  ] as const)('%s gets only variables its config module knows, all required ones, and valid values', (name, schema) => {
    const env = services[name].environment ?? {};
    expect(Object.keys(env).filter((key) => !(key in schema.shape))).toEqual([]);
    expect(requiredKeys(schema as never).filter((key) => !(key in env))).toEqual([]);
    expect(schema.safeParse(env).success).toBe(true);
  });

  it('points api and worker at the compose postgres and temporal, and starts those first', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name].environment!;
      expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
      expect(env.TEMPORAL_ADDRESS.split(':')[0]).toBe('temporal');
      expect(dependsOn(name)).toEqual(expect.arrayContaining(['postgres', 'temporal']));
    }
    expect(services.api.environment!.TEMPORAL_TASK_QUEUE).toBe(services.worker.environment!.TEMPORAL_TASK_QUEUE);
    expect(new URL(services.web.environment!.SEGFLOW_API_URL).hostname).toBe('api');
  });

  it('builds each Segflow image from a Dockerfile that exists', () => {
    for (const name of ['api', 'worker', 'web']) {
      expect(existsSync(join(root, services[name].build!.dockerfile))).toBe(true);
    }
  });

  it('gives temporal the same database credentials as postgres', () => {
    const pg = services.postgres.environment!;
    const t = services.temporal.environment!;
    expect([t.POSTGRES_USER, t.POSTGRES_PWD, t.POSTGRES_SEEDS]).toEqual([pg.POSTGRES_USER, pg.POSTGRES_PASSWORD, 'postgres']);
  });

  it("gives temporal the dynamic config file the dev server of npm start reads, where the server looks for it", () => {
    const mount = services.temporal.volumes!.map((v) => v.split(':')).find(([host]) => host === './tools/temporal-dynamic-config.yaml');
    expect(mount?.[1]).toBe(join('/etc/temporal', services.temporal.environment!.DYNAMIC_CONFIG_FILE_PATH!));
    expect(existsSync(join(root, 'tools/temporal-dynamic-config.yaml'))).toBe(true);
  });

  it('publishes only the web app and the API; anything else is bound to this machine only', () => {
    const published = Object.entries(services).filter(([, service]) => service.ports?.some((port) => !port.startsWith('127.0.0.1:')));
    expect(published.map(([name]) => name).sort()).toEqual(['api', 'web']);
    expect(services.postgres.ports).toBeUndefined();
    expect(services.temporal.ports).toBeUndefined();
  });

  it("lets the API trust X-Forwarded-For from the web container's nginx only, which sets it", () => {
    const webAddress = services.web.networks!.default!.ipv4_address!;
    const subnet: string = compose.networks.default.ipam.config[0].subnet;
    expect(webAddress.split('.').slice(0, 3)).toEqual(subnet.split('/')[0]!.split('.').slice(0, 3));
    expect(appConfigSchema.shape.API_TRUST_PROXY.parse(services.api.environment!.API_TRUST_PROXY)).toEqual([webAddress]);
    const nginx = readFileSync(join(root, 'apps/web/nginx.conf.template'), 'utf8');
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    // The API's CSRF check compares Origin with the Host the browser used.
    expect(nginx).toMatch(/proxy_set_header Host \$http_host;/);
  });

  it('makes the first admin password a required setting instead of one the API would generate and log', () => {
    expect(services.api.environment!.SEGFLOW_ADMIN_PASSWORD).toMatch(/^\$\{SEGFLOW_ADMIN_PASSWORD:\?.+\}$/);
  });
});
