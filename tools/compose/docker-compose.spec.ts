import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { appConfigSchema } from '../../apps/api/src/config/app-config';
import { workerConfigSchema } from '../../apps/worker/src/config';

// No Docker engine runs on our machines, so `docker compose config` cannot check the file: it is validated against
// the Compose specification's JSON schema instead (tools/compose/compose-spec.json, schema/compose-spec.json of
// github.com/compose-spec/compose-spec at 170098ba07d9f53c383a41bfd4c5166b0a4529a6, 2026-06-23), after the same
// ${VAR} interpolation Compose does, and held to the deployment rules below.
const root = join(__dirname, '../..');
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const settings = {
  SEGFLOW_DB_PASSWORD: 'db-secret-0123',
  SEGFLOW_ADMIN_PASSWORD: 'admin-secret-0123',
  METRICS_TOKEN: 'metrics-secret-0123456789',
};

/** Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error} (and the forms without the colon), $$ for $. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?\}/g,
    (match, name: string, op?: string, arg?: string) => {
      if (match === '$$') return '$';
      const value = vars[name];
      const missing = value === undefined || (op?.startsWith(':') === true && value === '');
      if (op?.endsWith('?') && missing) throw new Error(`${name}: ${arg}`);
      if (op?.endsWith('-') && missing) return arg ?? '';
      return value ?? '';
    },
  );
}

type DependsOn = Record<string, { condition: string }>;
type Service = {
  image?: string;
  build?: { context: string; target: string };
  user?: string;
  restart?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  healthcheck?: { test: string[] };
  networks?: Record<string, { ipv4_address?: string }>;
  depends_on?: DependsOn;
};
const compose = parse(interpolate(composeText, settings));
const services = compose.services as Record<string, Service>;
const ONE_SHOT_JOBS = ['migrate', 'temporal-namespace', 'temporal-schema'];

function composeSchemaValidator() {
  // The schema names its meta-schema by an https URL Ajv does not register; Ajv's own draft-07 meta-schema checks it.
  const schema = JSON.parse(readFileSync(join(__dirname, 'compose-spec.json'), 'utf8'));
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  expect(ajv.validateSchema(schema)).toBe(true);
  return ajv.compile(schema);
}

const requiredKeys = (schema: { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }) =>
  Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([key]) => key);
const mountedSources = (service: Service) =>
  (service.volumes ?? []).map((v) => v.split(':')).filter(([host]) => host!.startsWith('./'));

describe('docker-compose.yml', () => {
  it('is valid under the Compose specification, which would refuse a wrong condition or an unknown key', () => {
    const validate = composeSchemaValidator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    const broken = structuredClone(compose);
    broken.services.api.depends_on.migrate.condition = 'service_ready';
    broken.services.web.restarts = 'always';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/services/api/depends_on/migrate/condition', '/services/web']),
    );
  });

  it.each(Object.keys(settings))('refuses to start without %s, naming it', (name) => {
    const others = Object.fromEntries(Object.entries(settings).filter(([key]) => key !== name));
    expect(() => interpolate(composeText, others)).toThrow(new RegExp(`^${name}: set ${name}`));
    expect(() => interpolate(composeText, { ...others, [name]: '' })).toThrow(new RegExp(`^${name}: `));
  });

  it('makes a scrape of the published API port bring the metrics token', () => {
    expect(services.api.ports).toEqual(['3000:3000']);
    expect(services.api.environment!.METRICS_TOKEN).toBe(settings.METRICS_TOKEN);
  });

  it("runs Temporal as Temporal's compose examples do: server image plus admin-tools jobs, no auto-setup, one version", () => {
    expect(
      Object.values(services)
        .map((s) => s.image)
        .filter((image) => image?.includes('auto-setup')),
    ).toEqual([]);
    const serverVersion = services.temporal.image!.match(/^temporalio\/server:(1\.29\.\d+)$/)?.[1];
    expect(serverVersion).toBeDefined();
    for (const job of ['temporal-schema', 'temporal-namespace']) {
      expect(services[job].image).toMatch(
        new RegExp(`^temporalio/admin-tools:${serverVersion!.replace(/\./g, '\\.')}-`),
      );
    }
    expect(services.temporal.depends_on!['temporal-schema']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('gives the Temporal server and its schema job the database credentials of postgres', () => {
    const pg = services.postgres.environment!;
    for (const name of ['temporal', 'temporal-schema']) {
      const t = services[name].environment!;
      expect([t.POSTGRES_USER, t.POSTGRES_PWD, t.POSTGRES_SEEDS]).toEqual([
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        'postgres',
      ]);
    }
  });

  it('gives the Temporal server, listening on every interface, the fixed address its membership broadcasts', () => {
    const { BIND_ON_IP, TEMPORAL_BROADCAST_ADDRESS } = services.temporal.environment!;
    expect(BIND_ON_IP).toBe('0.0.0.0');
    expect(TEMPORAL_BROADCAST_ADDRESS).toBe(services.temporal.networks!.default!.ipv4_address);
    const subnet: string = compose.networks.default.ipam.config[0].subnet;
    expect(TEMPORAL_BROADCAST_ADDRESS!.split('.').slice(0, 3)).toEqual(subnet.split('/')[0]!.split('.').slice(0, 3));
    expect(TEMPORAL_BROADCAST_ADDRESS).not.toBe(services.web.networks!.default!.ipv4_address);
  });

  it("is healthy when Temporal's frontend answers its health check, asked with the CLI the server image ships", () => {
    const port = services.api.environment!.TEMPORAL_ADDRESS.split(':')[1];
    expect(services.temporal.healthcheck!.test).toEqual([
      'CMD',
      'temporal',
      'operator',
      'cluster',
      'health',
      '--address',
      `127.0.0.1:${port}`,
    ]);
  });

  it('registers the namespace the API and the worker use', () => {
    const { NAMESPACE, TEMPORAL_ADDRESS } = services['temporal-namespace'].environment!;
    for (const name of ['api', 'worker']) {
      expect(services[name].environment!.TEMPORAL_NAMESPACE).toBe(NAMESPACE);
      expect(services[name].depends_on!['temporal-namespace']).toEqual({ condition: 'service_completed_successfully' });
    }
    expect(TEMPORAL_ADDRESS.split(':')[0]).toBe('temporal');
  });

  it('mounts only files that exist, and the dynamic config where the server looks for it', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [host] of mountedSources(service))
        expect([name, host, existsSync(join(root, host!))]).toEqual([name, host, true]);
    }
    const mount = mountedSources(services.temporal).find(([host]) => host === './tools/temporal-dynamic-config.yaml');
    expect(mount?.[1]).toBe(join('/etc/temporal', services.temporal.environment!.DYNAMIC_CONFIG_FILE_PATH!));
  });

  it('waits for healthy services and completed jobs, never for a container that merely started', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = ONE_SHOT_JOBS.includes(target)
          ? 'service_completed_successfully'
          : services[target]!.healthcheck
            ? 'service_healthy'
            : 'a healthcheck on the target';
        expect([name, target, condition]).toEqual([name, target, expected]);
      }
    }
  });

  it('migrates once, in a job every API replica and the worker wait for; the API image does not migrate', () => {
    expect(services.migrate.command).toEqual(['node', 'apps/api/dist/database/migrate.js']);
    expect(existsSync(join(root, 'apps/api/src/database/migrate.ts'))).toBe(true);
    expect(services.migrate.build).toEqual(services.api.build);
    for (const name of ['api', 'worker'])
      expect(services[name].depends_on!.migrate).toEqual({ condition: 'service_completed_successfully' });
    const apiStage = dockerfile.split(/^FROM /m).find((stage) => / AS api\n/.test(stage))!;
    expect(apiStage).toMatch(/^CMD \["node", "apps\/api\/dist\/main.js"\]$/m);
  });

  it('restarts long-running services unless stopped, and retries one-shot jobs a bounded number of times', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.restart]).toEqual([
        name,
        ONE_SHOT_JOBS.includes(name) ? expect.stringMatching(/^on-failure:[1-9]$/) : 'unless-stopped',
      ]);
    }
  });

  it('runs every container as a named non-root user', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.user]).toEqual([name, expect.stringMatching(/^[a-z][a-z-]*$/)]);
      expect(service.user).not.toBe('root');
    }
  });

  it('publishes only the web app and the API; anything else is bound to this machine only', () => {
    const published = Object.entries(services).filter(([, service]) =>
      service.ports?.some((port) => !port.startsWith('127.0.0.1:')),
    );
    expect(published.map(([name]) => name).sort()).toEqual(['api', 'web']);
    const nginx = readFileSync(join(root, 'apps/web/nginx.conf.template'), 'utf8');
    expect(services.web.ports).toEqual([`5173:${nginx.match(/listen (\d+);/)![1]}`]);
  });

  it.each([
    ['api', appConfigSchema],
    ['migrate', appConfigSchema],
    ['worker', workerConfigSchema],
  ] as const)('%s gets only variables its config module knows, all required ones, and valid values', (name, schema) => {
    const env = services[name].environment ?? {};
    expect(Object.keys(env).filter((key) => !(key in schema.shape))).toEqual([]);
    expect(requiredKeys(schema as never).filter((key) => !(key in env))).toEqual([]);
    expect(schema.safeParse(env).success).toBe(true);
  });

  it.each([
    ['api', '/api/health', 'API_PORT'],
    ['worker', '/health', 'WORKER_METRICS_PORT'],
  ])('checks %s health at %s on its %s, with the node its image has (no curl)', (name, path, portVariable) => {
    const [kind, program, flag, script] = services[name].healthcheck!.test;
    expect([kind, program, flag]).toEqual(['CMD', 'node', '-e']);
    const url = new URL(script!.match(/fetch\('([^']+)'\)/)![1]!);
    expect([url.hostname, url.port, url.pathname]).toEqual([
      '127.0.0.1',
      services[name].environment![portVariable],
      path,
    ]);
    expect(script).toMatch(/process\.exit\(r\.ok \? 0 : 1\), \(\) => process\.exit\(1\)/);
  });

  it('serves the worker metrics inside the compose network only', () => {
    expect(services.worker.environment!.WORKER_METRICS_HOST).toBe('0.0.0.0');
    expect(services.worker.ports).toBeUndefined();
  });

  it('points api, migrate and worker at the compose postgres and temporal', () => {
    for (const name of ['api', 'migrate', 'worker']) {
      const url = new URL(services[name].environment!.DATABASE_URL);
      expect([url.hostname, url.username, url.password]).toEqual(['postgres', 'segflow', settings.SEGFLOW_DB_PASSWORD]);
    }
    for (const name of ['api', 'worker'])
      expect(services[name].environment!.TEMPORAL_ADDRESS.split(':')[0]).toBe('temporal');
    expect(services.api.environment!.TEMPORAL_TASK_QUEUE).toBe(services.worker.environment!.TEMPORAL_TASK_QUEUE);
    expect(new URL(services.web.environment!.SEGFLOW_API_URL).hostname).toBe('api');
  });

  it("lets the API trust X-Forwarded-For from the web container's nginx only, which sets it", () => {
    const webAddress = services.web.networks!.default!.ipv4_address!;
    const subnet: string = compose.networks.default.ipam.config[0].subnet;
    expect(webAddress.split('.').slice(0, 3)).toEqual(subnet.split('/')[0]!.split('.').slice(0, 3));
    expect(appConfigSchema.shape.API_TRUST_PROXY.parse(services.api.environment!.API_TRUST_PROXY)).toEqual([
      webAddress,
    ]);
    const nginx = readFileSync(join(root, 'apps/web/nginx.conf.template'), 'utf8');
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    // The API's CSRF check compares Origin with the Host the browser used.
    expect(nginx).toMatch(/proxy_set_header Host \$http_host;/);
  });
});

describe('Dockerfile', () => {
  const stages = new Map(
    dockerfile
      .split(/^FROM /m)
      .slice(1)
      .map((stage) => [stage.match(/ AS ([a-z-]+)\n/)![1]!, stage]),
  );

  it('has a stage for every target docker-compose.yml builds', () => {
    const targets = Object.values(services).flatMap((s) => (s.build ? [s.build.target] : []));
    expect(targets.filter((target) => !stages.has(target))).toEqual([]);
  });

  it('builds on a current Node LTS (an even major, 22 or later) that the app supports', () => {
    const major = Number(dockerfile.match(/^ARG NODE_IMAGE=node:(\d+)-[a-z]+-slim$/m)?.[1]);
    expect(major % 2 === 0 && major >= 22).toBe(true);
  });

  it('installs production dependencies only, after the tested prune step, and runs the servers as user node', () => {
    const deps = stages.get('production-deps')!;
    expect(deps).toMatch(
      /node tools\/compose\/production-manifest\.mjs package\.json\s*\\\n\s*&& npm install --omit=dev /,
    );
    expect(stages.get('server')).toMatch(/COPY --from=production-deps \/app\/node_modules node_modules/);
    expect(stages.get('server')).toMatch(/^USER node$/m);
    for (const target of ['api', 'worker']) expect(stages.get(target)).toMatch(/^server AS /);
    expect(stages.get('web')).toMatch(/^nginxinc\/nginx-unprivileged:/);
  });
});
