import { auditCsvUrl, auditFiltersOf, auditQueryString } from './audit';

describe('auditFiltersOf', () => {
  it('reads the known filters from the URL, leaving out empty and unknown ones', () => {
    const params = new URLSearchParams(
      'action=lead.erased&entityId=%20&actorId=u-1&page=2&from=2026-12-01T00:00:00.000Z',
    );
    expect(auditFiltersOf(params)).toEqual({ action: 'lead.erased', actorId: 'u-1', from: '2026-12-01T00:00:00.000Z' });
  });
});

describe('auditQueryString', () => {
  it('encodes the filters and the cursor for the API, and the same filters for the CSV', () => {
    const filters = { entityType: 'lead', entityId: 'a b' };
    expect(auditQueryString(filters, '42')).toBe('entityType=lead&entityId=a+b&cursor=42');
    expect(auditQueryString({}, null)).toBe('');
    expect(auditCsvUrl(filters)).toBe('/api/audit/export.csv?entityType=lead&entityId=a+b');
  });
});
