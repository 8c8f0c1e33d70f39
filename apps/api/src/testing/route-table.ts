import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** One served route: its method and its path template with `:param` segments. */
export interface ServedRoute {
  method: string;
  path: string;
  params: string[];
}

// printRoutes draws a tree: each level is indented by 4 columns ("│   " or "    ") then "├── " or "└── ", then the
// path segment and, when the node serves something, its methods in parentheses.
const TREE_LINE = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the app serves, read from Fastify's own route table after `ready()`, so a new endpoint is listed
 * without anyone listing it (HEAD is left out: Fastify answers it with the GET handler).
 */
export function listServedRoutes(app: NestFastifyApplication): ServedRoute[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: ServedRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = TREE_LINE.exec(line);
    if (!match) continue;
    const depth = [...match[1]!].length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push({ method, path, params: [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!) });
    }
  }
  return routes;
}
