import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../tools/testing/test-database';
import { copyRows, copyTextLine } from './copy-rows';

describe('copyTextLine', () => {
  it('escapes the characters that delimit COPY text fields and rows, and writes NULL as \\N', () => {
    expect(copyTextLine(['a\tb', 'c\nd\re', 'back\\slash', null, 42, { k: 'v' }])).toBe(
      'a\\tb\tc\\nd\\re\tback\\\\slash\t\\N\t42\t{"k":"v"}\n',
    );
  });
});

describe('copyRows (real PostgreSQL)', () => {
  const COPY_STATEMENT = 'COPY copied (id, label, data) FROM STDIN';
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource({ type: 'postgres', url: await createTestDatabase('copy_rows') }).initialize();
    await db.query(`CREATE TABLE copied (id int PRIMARY KEY, label text, data jsonb)`);
  });
  afterAll(() => db.destroy());

  it('stores every value exactly as given, whatever characters it holds', async () => {
    const awkward = [
      'tab\there',
      'line\nbreak',
      'carriage\rreturn',
      'back\\slash \\N \\t',
      'quote " \' ,;',
      'देवनागरी ✓ 😀',
      '',
    ];
    const rows = awkward.map((label, id) => [id, label, { label, nested: [label, null, 1.5] }] as const);
    await db.transaction((manager) => copyRows(manager, COPY_STATEMENT, rows));
    const stored: { id: number; label: string; data: unknown }[] = await db.query(
      `SELECT id, label, data FROM copied ORDER BY id`,
    );
    expect(stored).toEqual(rows.map(([id, label, data]) => ({ id, label, data })));
  });

  it("stores NULL for null and takes part in the caller's transaction (a rollback keeps nothing)", async () => {
    await expect(
      db.transaction(async (manager) => {
        await copyRows(manager, COPY_STATEMENT, [[100, null, null]]);
        const [{ label }] = await manager.query(`SELECT label FROM copied WHERE id = 100`);
        expect(label).toBeNull();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.query(`SELECT id FROM copied WHERE id = 100`)).toEqual([]);
  });
});
