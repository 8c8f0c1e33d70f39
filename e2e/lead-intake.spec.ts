import { Pool } from 'pg';
import { apiFetch, signInToApi } from './support/auth';
import { eventually } from './support/eventually';
import { Stack, startStack } from './support/stack';

describe('lead intake (API → Temporal → worker → Postgres)', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack('lead-intake');
    token = await signInToApi(stack);
  });
  afterAll(() => stack?.stop());

  const listLeads = async () =>
    (await apiFetch(stack, token, '/api/leads')).json() as Promise<
      { externalId: string; intakeRecordedAt: string | null }[]
    >;

  it('starts one intake workflow per new lead; its activity writes a row the API reads back', async () => {
    const response = await apiFetch(stack, token, '/api/leads', {
      method: 'POST',
      body: {
        leads: [
          { externalId: 'in-1', name: 'Ravi' },
          { externalId: 'in-2', name: 'Sara' },
        ],
      },
    });
    expect(response.status).toBe(200);
    const leads = await eventually(
      listLeads,
      (ls) => ls.length === 2 && ls.every((l) => l.intakeRecordedAt !== null),
      30_000,
    );
    expect(leads.map((l) => [l.externalId, l.intakeRecordedAt !== null]).sort()).toEqual([
      ['in-1', true],
      ['in-2', true],
    ]);
  });

  it('an update of a known lead starts no second intake', async () => {
    await apiFetch(stack, token, '/api/leads', { method: 'POST', body: { externalId: 'in-1', city: 'Pune' } });
    const pool = new Pool({ connectionString: stack.databaseUrl });
    try {
      const { rows } = await pool.query(
        `SELECT l.external_id, i.workflow_id FROM lead_intakes i JOIN leads l ON l.id = i.lead_id ORDER BY 1`,
      );
      expect(rows).toEqual([
        { external_id: 'in-1', workflow_id: expect.stringMatching(/^lead-intake-/) },
        { external_id: 'in-2', workflow_id: expect.stringMatching(/^lead-intake-/) },
      ]);
    } finally {
      await pool.end();
    }
  });
});
