import { formatIssues } from './format-issues';
import { leadInputSchema } from './lead-input-schema';

const full = {
  externalId: 'crm-42',
  name: 'Anita Desai',
  email: 'anita@shaktitextiles.in',
  phone: '+919812345678',
  linkedinUrl: 'https://www.linkedin.com/in/anita-desai',
  company: 'Shakti Textiles',
  industry: 'textiles',
  headcount: 35,
  revenueBand: '1m_10m',
  fundingStage: 'bootstrapped',
  city: 'Surat',
  country: 'IN',
  timezone: 'Asia/Kolkata',
  ownerId: 'user-7',
  consent: { email: true, whatsapp: true, linkedin: false },
};

const fieldsOf = (input: unknown) => {
  const result = leadInputSchema.safeParse(input);
  return result.success ? [] : formatIssues(result.error).map((issue) => issue.field);
};

describe('leadInputSchema', () => {
  it('refuses text PostgreSQL cannot store, naming the field', () => {
    expect(fieldsOf({ externalId: 'x', name: 'An\u0000ita' })).toEqual(['name']);
    expect(fieldsOf({ externalId: 'x', company: 'Shakti \uD83D' })).toEqual(['company']);
    expect(fieldsOf({ externalId: 'x\u0000' })).toEqual(['externalId']);
  });

  it('accepts a complete lead', () => {
    expect(leadInputSchema.parse(full)).toEqual(full);
  });

  it('needs only externalId and leaves consent unset so a stored one is kept', () => {
    expect(leadInputSchema.parse({ externalId: 'x' })).toEqual({ externalId: 'x' });
  });

  it.each([
    [{ externalId: '' }, 'externalId'],
    [{ email: 'not-an-email' }, 'email'],
    [{ phone: '98123 45678' }, 'phone'],
    [{ linkedinUrl: 'https://example.com/in/x' }, 'linkedinUrl'],
    [{ headcount: -1 }, 'headcount'],
    [{ headcount: 2.5 }, 'headcount'],
    [{ revenueBand: 'huge' }, 'revenueBand'],
    [{ fundingStage: 'series_z' }, 'fundingStage'],
    [{ country: 'India' }, 'country'],
    [{ timezone: 'India/Pune' }, 'timezone'],
    [{ consent: { email: true, whatsapp: 'yes', linkedin: false } }, 'consent.whatsapp'],
    [{ consent: { email: true } }, 'consent.whatsapp'],
    [{ nickname: 'A' }, '(root)'],
  ])('rejects %j at field %s', (patch, field) => {
    expect(fieldsOf({ ...full, ...patch })).toContain(field);
  });

  it('rejects a missing externalId', () => {
    const { externalId: _omitted, ...rest } = full;
    expect(fieldsOf(rest)).toEqual(['externalId']);
  });
});
