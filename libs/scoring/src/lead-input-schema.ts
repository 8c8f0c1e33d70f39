import { z } from 'zod';
import { CONTACT_CHANNELS } from '@segflow/events';
import { isValidTimeZone } from '@segflow/sla';
import { leadAttributeValuesSchema } from './lead-attributes';
import { refuseUnstorableText } from './storable-text';
import { isCountryCode } from './validators';

/**
 * Annual revenue bands (USD), smallest first.
 *
 * @example
 * ```ts
 * REVENUE_BANDS[0]; // 'under_100k'
 * ```
 */
export const REVENUE_BANDS = ['under_100k', '100k_1m', '1m_10m', '10m_100m', 'over_100m'] as const;
/** One of {@link REVENUE_BANDS}. */
export type RevenueBand = (typeof REVENUE_BANDS)[number];

/**
 * Funding stages, earliest first.
 *
 * @example
 * ```ts
 * FUNDING_STAGES.indexOf('seed') < FUNDING_STAGES.indexOf('series_a'); // true
 * ```
 */
export const FUNDING_STAGES = [
  'bootstrapped',
  'pre_seed',
  'seed',
  'series_a',
  'series_b',
  'series_c_plus',
  'public',
] as const;
/** One of {@link FUNDING_STAGES}. */
export type FundingStage = (typeof FUNDING_STAGES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Per-channel marketing consent. All three flags are required when the object is sent.
 *
 * @example
 * ```ts
 * consentSchema.parse({ email: true, whatsapp: false, linkedin: true });
 * ```
 */
export const consentSchema = z.strictObject({
  email: z.boolean(),
  whatsapp: z.boolean(),
  linkedin: z.boolean(),
});
/** Per-channel consent flags. */
export type Consent = z.infer<typeof consentSchema>;

/**
 * An explicit opt-in to one channel at an instant (the lead ticked a box, said "yes" on a call). Unlike `consent`,
 * it can re-grant a channel the lead opted out of, but only when `at` is later than that opt-out; it is recorded.
 *
 * @example
 * ```ts
 * optInSchema.parse({ channel: 'whatsapp', at: '2026-03-01T10:00:00+05:30', source: 'webinar form' });
 * ```
 */
export const optInSchema = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  at: z.iso.datetime({ offset: true }),
  source: text(200).optional(),
});
/** One explicit opt-in. */
export type OptIn = z.infer<typeof optInSchema>;

/**
 * A lead as sent to `POST /api/leads`. Only `externalId` is required; unknown keys are
 * rejected so that typos surface as errors; text PostgreSQL cannot store (NUL, a lone surrogate) is refused. `consent`
 * is optional: an omitted one keeps what is stored (the API's default for a new lead is email and LinkedIn allowed,
 * WhatsApp only after opt-in); on a known lead it can withdraw a channel but never re-grant one (that takes an
 * `optIns` entry).
 *
 * @example
 * ```ts
 * const result = leadInputSchema.safeParse({
 *   externalId: 'crm-42', company: 'Shakti Textiles', city: 'Surat', country: 'IN',
 *   timezone: 'Asia/Kolkata', headcount: 35, consent: { email: true, whatsapp: true, linkedin: false },
 * });
 * result.success; // true
 * ```
 */
export const leadInputSchema = z
  .strictObject({
    externalId: text(128),
    name: text(200).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number such as +919812345678')
      .optional(),
    linkedinUrl: z
      .string()
      .max(300)
      .regex(
        /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/(in|company)\/[^\s/]+\/?$/i,
        'expected a linkedin.com/in/… or /company/… URL',
      )
      .optional(),
    company: text(200).optional(),
    industry: text(100).optional(),
    headcount: z.number().int().min(0).max(10_000_000).optional(),
    revenueBand: z.enum(REVENUE_BANDS).optional(),
    fundingStage: z.enum(FUNDING_STAGES).optional(),
    city: text(100).optional(),
    country: z.string().refine(isCountryCode, 'expected an ISO 3166-1 alpha-2 country code such as IN').optional(),
    timezone: z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Asia/Kolkata').optional(),
    ownerId: text(128).optional(),
    consent: consentSchema.optional(),
    optIns: z.array(optInSchema).max(3).optional(),
    /** Custom attributes by key (checked against the workspace schema by `attributeValuesIssues`); null clears one. */
    attributes: leadAttributeValuesSchema.optional(),
  })
  .superRefine(refuseUnstorableText);

/** A validated lead (after defaults). */
export type LeadInput = z.output<typeof leadInputSchema>;
/** A lead as a client may send it (before defaults). */
export type LeadInputRaw = z.input<typeof leadInputSchema>;
