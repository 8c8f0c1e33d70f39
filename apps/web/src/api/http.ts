/** A failed API call, carrying the field issues the API names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { field: string; reason: string }[] = [],
    /** The whole error body, for responses that carry more than issues (e.g. a 409's `currentRevision`). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** JSON fetch against the API (same origin; the dev/preview server proxies /api). */
export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const issues = payload?.issues ?? payload?.message?.issues ?? [];
    throw new ApiError(response.status, payload?.message ?? response.statusText, issues, payload);
  }
  return payload as T;
}
