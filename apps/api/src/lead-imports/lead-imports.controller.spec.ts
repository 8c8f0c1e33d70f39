import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { LeadImportDto } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { until } from '../../../../e2e/support/eventually';
import { auditTrailOf } from '../testing/audit-trail';
import { startTestApi, TestApi } from '../testing/test-api';

const HEADERS = ['Lead ID', 'Full name', 'E-mail', 'Staff', 'Email ok', 'WhatsApp ok', 'LinkedIn ok', 'Notes'];
const MAPPING = {
  'Lead ID': 'externalId',
  'Full name': 'name',
  'E-mail': 'email',
  Staff: 'headcount',
  'Email ok': 'consent.email',
  'WhatsApp ok': 'consent.whatsapp',
  'LinkedIn ok': 'consent.linkedin',
};
const csvOf = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.join(',')).join('\r\n');
const generatedRows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, `Lead ${i}`, `lead${i}@${prefix}.test`, `${i % 500}`]);
const shortCsvOf = (rows: string[][]) => [HEADERS.slice(0, 4), ...rows].map((r) => r.join(',')).join('\n') + '\n';

describe('LeadImportsController (real Postgres)', () => {
  let api: TestApi;
  beforeAll(async () => {
    // Imports leave intake to the outbox; with its dispatcher off the rows stay for the test to count, and thousands
    // of intake workflows do not load the shared test Temporal.
    api = await startTestApi({ OUTBOX_DISPATCHER: 'off' });
  });
  afterAll(() => api.close());

  const createImport = async (headers = HEADERS, mapping: Record<string, string> = MAPPING) => {
    const response = await api.request<LeadImportDto>('POST', '/api/leads/imports', {
      fileName: 'leads.csv',
      headers,
      mapping,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const upload = async (id: string, payload: string | Readable) => {
    const response = await api.app.inject({
      method: 'PUT',
      url: `/api/leads/imports/${id}/file`,
      payload,
      headers: { authorization: `Bearer ${api.admin.token}`, 'content-type': 'text/csv' },
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as LeadImportDto };
  };
  const shortMapping = { 'Lead ID': 'externalId', 'Full name': 'name', 'E-mail': 'email', Staff: 'headcount' };

  it('imports the good rows, names row, field, column and reason of the bad ones, and offers them as CSV', async () => {
    const file = csvOf([
      ['good-1', 'Asha Rao', 'asha@surat.in', '35', 'yes', 'no', 'yes', 'x'],
      ['good-2', '"Rao, Vikram"', '', '', '', '', '', ''],
      ['bad-1', 'Bad Mail', 'not-an-email', '10', '', '', '', ''],
      ['bad-2', 'Bad Staff', '', 'many', '', '', '', ''],
      ['short', 'row'],
    ]);
    const id = await createImport();
    const { status, body } = await upload(id, file);
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: 'completed', rowsRead: 5, created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(body.errors).toEqual([
      { row: 4, field: 'email', column: 'E-mail', reason: expect.any(String) },
      { row: 5, field: 'headcount', column: 'Staff', reason: 'expected a number, found "many"' },
      { row: 6, field: '(row)', column: null, reason: 'expected 8 cells, found 2' },
    ]);
    const [asha] = (await api.request('GET', '/api/leads?search=good-1')).body;
    expect(asha).toMatchObject({
      name: 'Asha Rao',
      headcount: 35,
      consent: { email: true, whatsapp: false, linkedin: true },
    });
    expect((await api.request('GET', '/api/leads?search=good-2')).body[0].name).toBe('Rao, Vikram');

    const csv = await api.app.inject({
      method: 'GET',
      url: `/api/leads/imports/${id}/errors.csv`,
      headers: { authorization: `Bearer ${api.admin.token}` },
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFrow,field,column,reason',
      expect.stringMatching(/^4,email,E-mail,/),
      '5,headcount,Staff,"expected a number, found ""many"""',
    ]);
    const paged = await api.request<LeadImportDto>('GET', `/api/leads/imports/${id}?limit=1&offset=1`);
    expect(paged.body.errors.map((e) => e.row)).toEqual([5]);
    expect(paged.body.errorsTotal).toBe(3);

    const audit = (await api.request('GET', `/api/audit?entityId=${id}`)).body.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['leadImport.finished', 'leadImport.created']);
  });

  it('is idempotent by externalId: the same file again creates nothing and counts its rows unchanged', async () => {
    const file = csvOf([
      ['same-1', 'Same One', 'one@same.test', '5', 'yes', 'no', 'no', ''],
      ['same-2', 'Same Two', '', '', '', '', '', ''],
      ['same-bad', '', 'nope', '', '', '', '', ''],
    ]);
    expect((await upload(await createImport(), file)).body).toMatchObject({ created: 2, failed: 1 });
    const again = await upload(await createImport(), file);
    expect(again.body).toMatchObject({ state: 'completed', created: 0, updated: 0, unchanged: 2, failed: 1 });
    const changed = await upload(
      await createImport(),
      csvOf([['same-2', 'Same Two', 'two@same.test', '', '', '', '', '']]),
    );
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await api.request('GET', '/api/leads?search=Same')).body).toHaveLength(2);
  });

  it("audits the owner changes of an import's rows as the uploader's, naming the import", async () => {
    await api.request('POST', '/api/leads', {
      leads: [
        { externalId: 'imp-own-1', ownerId: 'rep-a' },
        { externalId: 'imp-own-2', ownerId: 'rep-b' },
      ],
    });
    const id = await createImport(['Lead ID', 'Owner'], { 'Lead ID': 'externalId', Owner: 'ownerId' });
    const file = ['Lead ID,Owner', 'imp-own-1,rep-z', 'imp-own-2,rep-b', 'imp-own-3,rep-z'].join('\n');
    expect((await upload(id, file)).body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const db = api.app.get(DataSource);
    const trailOf = async (externalId: string) =>
      auditTrailOf(db, 'lead', (await db.query(`SELECT id FROM leads WHERE external_id = $1`, [externalId]))[0].id);
    expect(await trailOf('imp-own-1')).toEqual([
      expect.objectContaining({
        actor: { kind: 'user', id: api.admin.id, label: api.admin.email },
        action: 'lead.reassigned',
        before: { ownerId: 'rep-a' },
        after: { ownerId: 'rep-z', source: `leadImport:${id}` },
      }),
    ]);
    expect(await trailOf('imp-own-2')).toEqual([]);
    expect(await trailOf('imp-own-3')).toEqual([]);
  });

  it('remembers the mapping per header row and guesses one for headers it has not seen', async () => {
    const remembered = await api.request('POST', '/api/leads/imports/mapping', { headers: HEADERS });
    expect(remembered.body).toMatchObject({ remembered: true, mapping: MAPPING });
    expect(remembered.body.targets).toContainEqual({ name: 'consent.email', kind: 'boolean', required: false });
    const guessed = await api.request('POST', '/api/leads/imports/mapping', { headers: ['External ID', 'City', 'X'] });
    expect(guessed.body).toMatchObject({ remembered: false, mapping: { 'External ID': 'externalId', City: 'city' } });
  });

  it('refuses a mapping without externalId, a file with another header row, and managers', async () => {
    const bad = await api.request('POST', '/api/leads/imports', { fileName: 'a.csv', headers: ['a'], mapping: {} });
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toEqual([{ field: 'mapping', reason: expect.stringContaining('externalId') }]);
    const id = await createImport();
    const wrongHeader = await upload(id, 'id,name\ncrm-1,A\n');
    expect(wrongHeader.status).toBe(422);
    expect((await api.request('GET', `/api/leads/imports/${id}`)).body.state).toBe('interrupted');
    const manager = await api.createUser({ role: 'manager' });
    const refused = await api.requestAs(manager, 'POST', '/api/leads/imports/mapping', { headers: HEADERS });
    expect(refused.status).toBe(403);
  });

  it('resumes an interrupted upload after its committed rows when the same file is uploaded again', async () => {
    const file = shortCsvOf(generatedRows('resume', 2_000));
    const id = await createImport(HEADERS.slice(0, 4), shortMapping);
    const firstPart = file.slice(0, file.indexOf('\nresume-1200,') + 1);
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const request = httpRequest({
      port,
      host: '127.0.0.1',
      method: 'PUT',
      path: `/api/leads/imports/${id}/file`,
      headers: {
        authorization: `Bearer ${api.admin.token}`,
        'content-type': 'text/csv',
        'content-length': Buffer.byteLength(file),
      },
    });
    request.on('error', () => undefined);
    request.write(firstPart);
    const progress = () => api.request<LeadImportDto>('GET', `/api/leads/imports/${id}`).then((r) => r.body);
    await until(progress, (p) => p.committedRows === 1_000);
    request.destroy();
    const interrupted = await until(progress, (p) => p.state === 'interrupted');
    expect(interrupted).toMatchObject({ committedRows: 1_000, created: 1_000 });

    const otherFile = await upload(id, shortCsvOf(generatedRows('other', 2_000)));
    expect(otherFile.status).toBe(409);
    const resumed = await upload(id, file);
    expect(resumed.status).toBe(200);
    // Committed rows were skipped, not read again as unchanged.
    expect(resumed.body).toMatchObject({
      state: 'completed',
      rowsRead: 2_000,
      created: 2_000,
      unchanged: 0,
      failed: 0,
    });
    const [{ n }] = await api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM leads WHERE external_id LIKE 'resume-%'`);
    expect(n).toBe(2_000);
  });

  it('streams a large generated file through in chunks, each new lead with its intake in the outbox', async () => {
    const count = 20_000;
    async function* lines() {
      yield Buffer.from(`${HEADERS.slice(0, 4).join(',')}\r\n`);
      for (let i = 0; i < count; i += 1) yield Buffer.from(`big-${i},Lead ${i},lead${i}@big.test,${i % 900}\r\n`);
    }
    const id = await createImport(HEADERS.slice(0, 4), shortMapping);
    const { body } = await upload(id, Readable.from(lines()));
    expect(body).toMatchObject({
      state: 'completed',
      rowsRead: count,
      committedRows: count,
      created: count,
      failed: 0,
    });
    const [{ n }] = await api.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM outbox WHERE kind = 'lead_intake' AND payload->>'leadId' IN (SELECT id::text FROM leads WHERE external_id LIKE 'big-%')`,
      );
    expect(n).toBe(count);
  });
});
