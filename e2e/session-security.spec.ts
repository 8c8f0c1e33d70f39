import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiFetch, signInInBrowser, signInToApi } from './support/auth';
import { Browser, launchBrowser } from './support/browser';
import { Stack, startStack } from './support/stack';

/**
 * The session cookie in a real browser: the web app's own bodiless POST (sign-out) passes the API's cross-site
 * check on the browser's Origin, while a page on another port of the same host (same site, so the SameSite=Lax
 * cookie goes along) cannot revoke an API key with a text/plain form.
 */
describe('session cookie against cross-site requests (browser → web → API)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: string;
  let attacker: Server;
  let attackerUrl: string;
  let formTarget = '';

  beforeAll(async () => {
    stack = await startStack('session-security');
    browser = await launchBrowser();
    admin = await signInToApi(stack);
    attacker = createServer((_, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<form method="POST" enctype="text/plain" action="${formTarget}"><input name="x" value="y"></form><script>document.forms[0].submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    attacker?.close();
  });

  const sessionCookie = async () =>
    (await browser.page.context().cookies()).find((c) => c.name === 'segflow_session')?.value;
  const meWith = (cookie: string) =>
    fetch(`${stack.apiUrl}/api/auth/me`, { headers: { cookie: `segflow_session=${cookie}` } });

  it('refuses a text/plain form posted from another page of the same site', async () => {
    const { page } = browser;
    await signInInBrowser(page, stack.webUrl);
    const key = (await (
      await apiFetch(stack, admin, '/api/api-keys', { method: 'POST', body: { name: 'ingest' } })
    ).json()) as { id: string };
    formTarget = `${stack.webUrl}/api/api-keys/${key.id}/revoke`;
    const answer = page.waitForResponse((r) => r.url() === formTarget);
    await page.goto(attackerUrl);
    expect((await answer).status()).toBe(403);
    expect(await page.textContent('body')).toContain('cross-site request refused');
    const keys = (await (await apiFetch(stack, admin, '/api/api-keys')).json()) as {
      id: string;
      revokedAt: string | null;
    }[];
    expect(keys.find((k) => k.id === key.id)?.revokedAt).toBeNull();
  });

  it("lets the web app's bodiless sign-out through, ending the session on the server", async () => {
    const { page } = browser;
    await signInInBrowser(page, stack.webUrl);
    const cookie = (await sessionCookie())!;
    expect((await meWith(cookie)).status).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
    expect((await meWith(cookie)).status).toBe(401);
  });
});
