import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The metrics the code registers, the README's Metrics table and the Grafana dashboard must name the same series: a
// renamed metric would otherwise leave an empty panel or a stale row.
const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const dashboard = JSON.parse(readFileSync(join(root, 'tools', 'grafana', 'segflow-dashboard.json'), 'utf8'));
const metricsSources = ['apps/api/src/metrics', 'apps/worker/src/metrics'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => readFileSync(join(root, dir, f), 'utf8')),
);

const unique = (names: Iterable<string>) => [...new Set(names)].sort();
const documented = unique([...readme.matchAll(/^\| `(segflow_[a-z_]+)` \|/gm)].map((m) => m[1]!));
const registered = unique(
  metricsSources.flatMap((text) => [...text.matchAll(/'(segflow_[a-z_]+)'/g)].map((m) => m[1]!)),
);
const panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[] = dashboard.panels;
const queried = unique(
  panels.flatMap((p) =>
    p.targets.flatMap((t) => [...t.expr.matchAll(/\b(segflow_[a-z_]+?)(_bucket|_sum|_count)?\b/g)].map((m) => m[1]!)),
  ),
);

describe('metrics documentation and the Grafana dashboard', () => {
  it('documents every metric the API and worker register, and no other', () => {
    expect(registered.length).toBeGreaterThan(10);
    expect(documented).toEqual(registered);
  });

  it('charts every documented metric and queries no undocumented one', () => {
    expect(queried).toEqual(documented);
  });

  it("reads every panel from the dashboard's Prometheus data source variable", () => {
    expect(dashboard.templating.list).toEqual([
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    ]);
    expect(panels.filter((p) => p.datasource.uid !== '${datasource}').map((p) => p.title)).toEqual([]);
  });
});
