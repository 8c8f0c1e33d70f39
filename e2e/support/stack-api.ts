import type { Playbook } from '@segflow/playbook';
import { apiFetch } from './auth';
import type { Stack } from './stack';

/** JSON from the stack's API as `token`: a GET without a body, a POST with one. */
export function stackJson(stack: Pick<Stack, 'apiUrl'>, token: string) {
  return async (path: string, body?: unknown): Promise<any> =>
    (await apiFetch(stack, token, path, body === undefined ? {} : { method: 'POST', body })).json();
}

/** Creates a playbook named `name` with `graph` as its draft and publishes it; its id. */
export async function publishOnStack(
  stack: Pick<Stack, 'apiUrl'>,
  token: string,
  graph: Playbook,
  name: string,
): Promise<string> {
  const json = stackJson(stack, token);
  const playbook = await json('/api/playbooks', { name });
  await apiFetch(stack, token, `/api/playbooks/${playbook.id}/draft`, {
    method: 'PUT',
    body: { graph, revision: playbook.draftRevision },
  });
  const published = await json(`/api/playbooks/${playbook.id}/publish`, { note: 'e2e' });
  if (typeof published.version !== 'number') throw new Error(`${name} not published: ${JSON.stringify(published)}`);
  return playbook.id;
}
