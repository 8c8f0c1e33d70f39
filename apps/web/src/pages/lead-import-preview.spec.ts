import { previewRows, readFileHead } from './lead-import-preview';

describe('readFileHead', () => {
  it('leaves out the record the cut-off start of a file ends in, keeps it when the file is whole', () => {
    expect(readFileHead('id,name\ncrm-1,Asha\ncrm-2,Vi', false)).toEqual({
      headers: ['id', 'name'],
      rows: [['crm-1', 'Asha']],
    });
    expect(readFileHead('id,name\ncrm-1,Asha\ncrm-2,Vi', true).rows).toEqual([
      ['crm-1', 'Asha'],
      ['crm-2', 'Vi'],
    ]);
  });

  it('keeps at most 20 preview rows', () => {
    const text = ['id', ...Array.from({ length: 30 }, (_, i) => `crm-${i}`)].join('\n');
    expect(readFileHead(text, true).rows).toHaveLength(20);
  });
});

describe('previewRows', () => {
  it('puts each problem on the cell of its column and the rest on the row, numbering rows as the file does', () => {
    const head = {
      headers: ['id', 'Mail', 'WA'],
      rows: [
        ['crm-1', 'nope', 'yes'],
        ['crm-2', '', ''],
      ],
    };
    const [bad, good] = previewRows(head, { id: 'externalId', Mail: 'email', WA: 'consent.whatsapp' });
    expect(bad!.row).toBe(2);
    expect([...bad!.cellIssues.keys()]).toEqual(['Mail']);
    expect(bad!.rowIssues.map((i) => i.field)).toEqual(['consent.email', 'consent.linkedin']);
    expect(good).toMatchObject({ row: 3, rowIssues: [] });
    expect(good!.cellIssues.size).toBe(0);
  });
});
