import {
  guessLeadImportMapping,
  headerSignature,
  LEAD_IMPORT_TARGETS,
  leadImportMappingIssues,
  leadImportTargets,
  mapLeadImportRow,
} from './lead-import-mapping';

describe('LEAD_IMPORT_TARGETS', () => {
  it('lists the fields of the lead intake contract, consent flags dotted, opt-in lists left out', () => {
    expect(LEAD_IMPORT_TARGETS.map((t) => t.name)).toEqual([
      'externalId',
      'name',
      'email',
      'phone',
      'linkedinUrl',
      'company',
      'industry',
      'headcount',
      'revenueBand',
      'fundingStage',
      'city',
      'country',
      'timezone',
      'ownerId',
      'consent.email',
      'consent.whatsapp',
      'consent.linkedin',
    ]);
    expect(LEAD_IMPORT_TARGETS.filter((t) => t.required).map((t) => t.name)).toEqual(['externalId']);
    expect(LEAD_IMPORT_TARGETS.find((t) => t.name === 'headcount')?.kind).toBe('number');
    expect(LEAD_IMPORT_TARGETS.find((t) => t.name === 'consent.whatsapp')?.kind).toBe('boolean');
  });
});

describe('guessLeadImportMapping', () => {
  it('matches headers to targets ignoring case and punctuation, each target once', () => {
    expect(guessLeadImportMapping(['External ID', 'E-mail', 'email', 'consent_email', 'Notes'])).toEqual({
      'External ID': 'externalId',
      'E-mail': 'email',
      consent_email: 'consent.email',
    });
  });
});

describe('headerSignature', () => {
  it('is the trimmed headers in order', () => {
    expect(headerSignature([' a', 'b '])).toBe(headerSignature(['a', 'b']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });
});

describe('leadImportMappingIssues', () => {
  it('accepts a mapping with externalId mapped once', () => {
    expect(leadImportMappingIssues(['id', 'mail'], { id: 'externalId', mail: 'email' })).toEqual([]);
  });

  it('names unknown columns and targets, repeated targets and headers, and a missing externalId', () => {
    expect(leadImportMappingIssues(['a', 'a', ''], { a: 'email', b: 'colour' })).toEqual([
      { field: 'headers.1', reason: 'header "a" is repeated' },
      { field: 'headers.2', reason: 'a column has no header' },
      { field: 'mapping.b', reason: 'the file has no such column' },
      { field: 'mapping.b', reason: '"colour" is not a lead field' },
      { field: 'mapping', reason: 'no column maps to externalId, which every lead needs' },
    ]);
    expect(leadImportMappingIssues(['id', 'x', 'y'], { id: 'externalId', x: 'city', y: 'city' })).toEqual([
      { field: 'mapping.y', reason: 'city is already filled by column "x"' },
    ]);
  });
});

describe('mapLeadImportRow', () => {
  const headers = ['id', 'Staff', 'Mail', 'Email ok', 'WA ok', 'LI ok', 'Notes'];
  const mapping = {
    id: 'externalId',
    Staff: 'headcount',
    Mail: 'email',
    'Email ok': 'consent.email',
    'WA ok': 'consent.whatsapp',
    'LI ok': 'consent.linkedin',
  };

  it('converts cells by kind, treats empty cells as not given and ignores unmapped columns', () => {
    expect(mapLeadImportRow(headers, mapping, [' crm-1 ', '35', '', 'yes', 'N', '1', 'x'], 100)).toEqual({
      lead: { externalId: 'crm-1', headcount: 35, consent: { email: true, whatsapp: false, linkedin: true } },
      issues: [],
    });
  });

  it('names field, column and reason of conversion problems and of the intake rules', () => {
    expect(mapLeadImportRow(headers, mapping, ['crm-1', 'many', '', 'perhaps', '', '', ''], 100).issues).toEqual([
      { field: 'headcount', column: 'Staff', reason: 'expected a number, found "many"' },
      { field: 'consent.email', column: 'Email ok', reason: 'expected yes/no (true/false, 1/0), found "perhaps"' },
    ]);
    const { lead, issues } = mapLeadImportRow(headers, mapping, ['crm-1', '-3', 'nope', 'yes', '', '', ''], 100);
    expect(lead).toBeNull();
    expect(issues.map((i) => [i.field, i.column])).toEqual([
      ['email', 'Mail'],
      ['headcount', 'Staff'],
      ['consent.whatsapp', null],
      ['consent.linkedin', null],
    ]);
  });

  it('refuses a row with another cell count than the header, and cells over the length limit', () => {
    expect(mapLeadImportRow(['id'], { id: 'externalId' }, ['a', 'b'], 100).issues).toEqual([
      { field: '(row)', column: null, reason: 'expected 1 cells, found 2' },
    ]);
    expect(mapLeadImportRow(['id'], { id: 'externalId' }, ['abcdef'], 5).issues).toEqual([
      { field: 'externalId', column: 'id', reason: 'longer than 5 characters' },
    ]);
  });
});

describe('custom attributes as import targets', () => {
  const targets = leadImportTargets([
    { key: 'plan', type: 'enum' },
    { key: 'seats', type: 'number' },
  ]);

  it('adds attributes.<key> per attribute of the schema, numbers as numbers', () => {
    expect(targets.slice(LEAD_IMPORT_TARGETS.length)).toEqual([
      { name: 'attributes.plan', kind: 'text', required: false },
      { name: 'attributes.seats', kind: 'number', required: false },
    ]);
    expect(LEAD_IMPORT_TARGETS.some((t) => t.name.startsWith('attributes'))).toBe(false);
  });

  it("maps attribute columns into the lead's attributes, and refuses a target the schema does not have", () => {
    const headers = ['id', 'Plan', 'Seats'];
    const mapping = { id: 'externalId', Plan: 'attributes.plan', Seats: 'attributes.seats' };
    expect(leadImportMappingIssues(headers, mapping, targets)).toEqual([]);
    expect(guessLeadImportMapping(['attributes_plan'], targets)).toEqual({ attributes_plan: 'attributes.plan' });
    expect(mapLeadImportRow(headers, mapping, ['crm-1', 'pro', '12'], 100, targets)).toEqual({
      lead: expect.objectContaining({ externalId: 'crm-1', attributes: { plan: 'pro', seats: 12 } }),
      issues: [],
    });
    expect(mapLeadImportRow(headers, mapping, ['crm-1', 'pro', 'twelve'], 100, targets).issues).toEqual([
      { field: 'attributes.seats', column: 'Seats', reason: 'expected a number, found "twelve"' },
    ]);
    expect(leadImportMappingIssues(headers, mapping)).toEqual([
      { field: 'mapping.Plan', reason: '"attributes.plan" is not a lead field' },
      { field: 'mapping.Seats', reason: '"attributes.seats" is not a lead field' },
    ]);
  });
});
