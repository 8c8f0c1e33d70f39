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

/**
 * JSON fetch against the API (same origin; the dev/preview server proxies /api). The session travels as an
 * HttpOnly cookie; a 401 (no or expired session) sends the browser to the sign-in page and back afterwards.
 */
export async function requestJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.status === 401 && !path.startsWith('/api/auth/sign-in')) redirectToSignIn();
  if (!response.ok) {
    const issues = payload?.issues ?? payload?.message?.issues ?? [];
    throw new ApiError(response.status, payload?.message ?? response.statusText, issues, payload);
  }
  return payload as T;
}

function redirectToSignIn(): void {
  if (typeof window === 'undefined' || window.location.pathname.startsWith('/sign-in')) return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?next=${encodeURIComponent(next)}`);
}
