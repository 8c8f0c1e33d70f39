import type { Page } from 'playwright-core';
import type { ApiRequest } from './api-process';
import type { Stack } from './stack';

/** The first admin every stack boots with (SEGFLOW_ADMIN_EMAIL / SEGFLOW_ADMIN_PASSWORD). */
export const E2E_ADMIN = { email: 'admin@segflow.test', password: 'e2e-admin-password' };
export const E2E_USER_PASSWORD = 'e2e-user-password';

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in through the API and returns the session token, for `apiFetch`. */
export async function signInToApi(stack: Pick<Stack, 'apiUrl'>, credentials: Credentials = E2E_ADMIN): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${credentials.email} failed: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** `fetch` against the stack's API with a session token and a JSON body. */
export function apiFetch(
  stack: Pick<Stack, 'apiUrl'>,
  token: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  return fetch(`${stack.apiUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** Creates a user (as the admin) and returns their credentials. */
export async function createUser(
  stack: Pick<Stack, 'apiUrl'>,
  adminToken: string,
  user: { role: string; name: string; email: string; teamId?: string },
): Promise<Credentials & { id: string }> {
  const response = await apiFetch(stack, adminToken, '/api/users', {
    method: 'POST',
    body: { ...user, password: E2E_USER_PASSWORD },
  });
  if (response.status !== 201)
    throw new Error(`user ${user.email} not created: HTTP ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, email: user.email, password: E2E_USER_PASSWORD };
}

/** Signs in through the web app's sign-in page, as a user would, and waits until it has left that page. */
export async function signInInBrowser(
  page: Page,
  webUrl: string,
  credentials: Credentials = E2E_ADMIN,
  next?: string,
): Promise<void> {
  await page.goto(`${webUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Ends the browser's session (clears the cookie) so the next sign-in starts fresh. The page leaves the app first:
 * otherwise its next request gets a 401 and the app's own redirect to /sign-in races the caller's next navigation.
 */
export async function signOutInBrowser(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.context().clearCookies();
}

/** Calls the stack's API with a session token, as the {@link ApiRequest} the support helpers take. */
export function requestAs(stack: Pick<Stack, 'apiUrl'>, token: string): ApiRequest {
  return async (method, path, body) => {
    const response = await apiFetch(stack, token, path, { method, body });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
}
