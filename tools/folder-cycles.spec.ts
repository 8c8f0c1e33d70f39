import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Folders of an app depend one way (feature modules -> stores -> database): no folder may reach, through its
// relative imports (type-only ones too), back into itself. Specs and src/testing are left out: test code may reach
// anywhere. Checked for every app; a folder is a first-level folder of src/ (files directly in src/ are "(root)").
const root = join(__dirname, '..');

function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'testing') return [];
    if (statSync(full).isDirectory()) return productionFiles(full);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [full] : [];
  });
}

const relativeImport =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Folder -> folders it imports from, each edge with the imports that make it (for the failure message). */
function folderGraph(src: string): Map<string, Map<string, string[]>> {
  const folderOf = (file: string) => {
    const parts = relative(src, file).split('/');
    return parts.length > 1 ? parts[0] : '(root)';
  };
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of productionFiles(src)) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const match of readFileSync(file, 'utf8').matchAll(relativeImport)) {
      const spec = match[1] ?? match[2];
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(src + '/')) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${relative(src, file)} imports ${spec}`]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan), each sorted; the list sorted too. */
function cyclesOf(graph: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) components.push(component.sort());
  };
  for (const folder of graph.keys()) if (!index.has(folder)) visit(folder);
  return components.sort((a, b) => a.join().localeCompare(b.join()));
}

const apps = ['api', 'worker', 'web'];

describe('folder cycles', () => {
  it.each(apps)('apps/%s has no folder cycle', (app) => {
    const graph = folderGraph(join(root, 'apps', app, 'src'));
    // Each cycle with the imports between its folders, so the message says which import to turn around.
    const explained = cyclesOf(graph).map((cycle) =>
      cycle.flatMap((from) => cycle.flatMap((to) => graph.get(from)?.get(to) ?? [])),
    );
    expect(explained).toEqual([]);
  });

  it('finds a cycle over three folders, and none along a one-way chain', () => {
    const graph = (edges: Array<[string, string]>) =>
      new Map(edges.map(([from, to]) => [from, new Map([[to, [`${from} -> ${to}`]]])]));
    expect(
      cyclesOf(
        graph([
          ['runs', 'playbooks'],
          ['playbooks', 'database'],
          ['database', 'runs'],
        ]),
      ),
    ).toEqual([['database', 'playbooks', 'runs']]);
    expect(
      cyclesOf(
        graph([
          ['runs', 'playbooks'],
          ['playbooks', 'database'],
        ]),
      ),
    ).toEqual([]);
  });
});
