import { MAX_CLASSIFY_TEXT_CHARS } from '@segflow/api-contracts';
import { startTestApi, TestApi, TestUser } from '../testing/test-api';

describe('POST /api/intent/classify (real API)', () => {
  let api: TestApi;
  let ops: TestUser;
  beforeAll(async () => {
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
    ops = await api.createUser({ role: 'ops' });
  });
  afterAll(() => api.close());

  const classify = (body: unknown, caller: Parameters<TestApi['requestAs']>[0] = ops) =>
    api.requestAs(caller, 'POST', '/api/intent/classify', body);

  // From the corpus's eval split (libs/intent/corpus/hi-Latn.jsonl), so the model never trained on it.
  it('classifies a Hinglish pricing question, naming the language', async () => {
    const response = await classify({ text: 'AMC ka kitna charge hai?', channel: 'whatsapp' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ intent: 'pricing', confidence: expect.any(Number), language: 'hi-Latn' });
    expect(response.body.confidence).toBeGreaterThan(0.5);
    expect(response.body.confidence).toBeLessThanOrEqual(1);
  });

  it('classifies an email without the quoted history below it', async () => {
    const quoted =
      'Not interested, please do not follow up.\n\nOn Mon, 1 Dec 2025 at 10:00, Segflow <s@x.in> wrote:\n> Can we share our pricing?';
    const email = await classify({ text: quoted, channel: 'email' });
    const bare = await classify({ text: 'Not interested, please do not follow up.' });
    expect(email.body).toEqual(bare.body);
    const onlyHistory = await classify({ text: 'On Mon, 1 Dec 2025, A <a@x.in> wrote:\n> hi', channel: 'email' });
    expect(onlyHistory).toMatchObject({ status: 400, body: { issues: [{ field: 'text' }] } });
  });

  it('takes an API key with the ingest scope, and ops and admins, but not reps, managers or strangers', async () => {
    const key = (await api.request('POST', '/api/api-keys', { name: 'CRM' })).body.key as string;
    expect((await classify({ text: 'call me tomorrow' }, { apiKey: key })).status).toBe(200);
    expect((await classify({ text: 'call me tomorrow' }, api.admin)).status).toBe(200);
    expect((await classify({ text: 'x' }, await api.createUser({ role: 'rep' }))).status).toBe(403);
    expect((await classify({ text: 'x' }, await api.createUser({ role: 'manager' }))).status).toBe(403);
    expect((await classify({ text: 'x' }, 'anonymous')).status).toBe(401);
  });

  it.each<[string, unknown, string]>([
    ['no text', { channel: 'email' }, 'text'],
    ['blank text', { text: '  \n ' }, 'text'],
    ['text not a string', { text: 42 }, 'text'],
    ['text over the limit', { text: 'a'.repeat(MAX_CLASSIFY_TEXT_CHARS + 1) }, 'text'],
    ['an unknown channel', { text: 'hi', channel: 'sms' }, 'channel'],
    ['an unknown field', { text: 'hi', lang: 'en' }, '(root)'],
  ])('answers 400 naming the field for %s', async (_name, body, field) => {
    const response = await classify(body);
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ field, reason: expect.any(String) })]);
  });
});
