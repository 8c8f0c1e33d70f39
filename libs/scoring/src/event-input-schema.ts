import { CONTACT_CHANNELS, eventTypesWithPayload } from '@segflow/events';
import { z } from 'zod';
import { jsonByteLength, refuseUnstorableText } from './storable-text';
import { isCurrencyCode } from './validators';

/**
 * Largest `properties` of an event, serialised as JSON in UTF-8. Properties ride in `leadEvents` signals to playbook
 * runs, at most `MAX_EVENTS_PER_SIGNAL` (100) events a signal; with the other fields of an event (≤ ~3.5 KB) a
 * signal stays under ~1.2 MB, well inside Temporal's 2 MB payload limit.
 *
 * @example
 * ```ts
 * MAX_PROPERTIES_BYTES; // 8192
 * ```
 */
export const MAX_PROPERTIES_BYTES = 8_192;
/**
 * The range of a plausible `occurredAt`: from the Unix epoch to the end of 2099 (PostgreSQL refuses year 0000; an
 * event centuries away would only skew time-decayed features). The API also refuses events ahead of its clock.
 *
 * @example
 * ```ts
 * new Date(OCCURRED_AT_RANGE.from).toISOString(); // '1970-01-01T00:00:00.000Z'
 * ```
 */
export const OCCURRED_AT_RANGE = { from: Date.UTC(1970, 0, 1), to: Date.UTC(2100, 0, 1) } as const;
// Real offsets run from -12:00 to +14:00; PostgreSQL refuses some larger ones that the ISO syntax allows.
const MAX_OFFSET_MINUTES = 14 * 60;

function isPlausibleInstant(iso: string): boolean {
  const time = Date.parse(iso);
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const offsetMinutes = offset ? Number(offset[2]) * 60 + Number(offset[3]) : 0;
  return time >= OCCURRED_AT_RANGE.from && time < OCCURRED_AT_RANGE.to && offsetMinutes <= MAX_OFFSET_MINUTES;
}

const common = {
  eventId: z.string().min(1).max(128),
  leadExternalId: z.string().min(1).max(128),
  occurredAt: z.iso
    .datetime({ offset: true, abort: true })
    .refine(isPlausibleInstant, 'expected an instant from 1970 to 2099 with a UTC offset within ±14:00'),
  properties: z
    .record(z.string(), z.unknown())
    .refine((p) => jsonByteLength(p) <= MAX_PROPERTIES_BYTES, `must be at most ${MAX_PROPERTIES_BYTES} bytes as JSON`)
    .optional(),
  replyTo: z
    .strictObject({
      touchId: z.string().min(1).max(128).optional(),
      providerMessageId: z.string().min(1).max(256).optional(),
    })
    .optional(),
};

// One variant per payload of libs/events' vocabulary: a new event type joins its payload's variant.
const plain = z.strictObject({ ...common, type: z.literal(eventTypesWithPayload('none')) });
const page = z.strictObject({
  ...common,
  type: z.literal(eventTypesWithPayload('page')),
  url: z.string().min(1).max(2048),
});
const purchase = z.strictObject({
  ...common,
  type: z.literal(eventTypesWithPayload('purchase')),
  amount: z.number().positive().finite(),
  currency: z.string().refine(isCurrencyCode, 'expected an ISO 4217 currency code such as INR'),
});
const optOut = z.strictObject({
  ...common,
  type: z.literal(eventTypesWithPayload('optOut')),
  channel: z.enum([...CONTACT_CHANNELS, 'all']),
});

/**
 * An event as sent to `POST /api/events`: a discriminated union on `type`, so a bad
 * item reports the precise missing field of its own variant. Unknown keys are rejected;
 * free-form data goes in `properties` (≤ {@link MAX_PROPERTIES_BYTES}). Text PostgreSQL cannot store (NUL, a lone
 * surrogate) is refused wherever it is, naming its path.
 *
 * @example
 * ```ts
 * eventInputSchema.safeParse({
 *   type: 'purchase', eventId: 'evt-1', leadExternalId: 'crm-42',
 *   occurredAt: '2025-03-01T10:00:00+05:30', amount: 49999, currency: 'INR',
 * }).success; // true
 * ```
 */
export const eventInputSchema = z
  .discriminatedUnion('type', [plain, page, purchase, optOut])
  .superRefine(refuseUnstorableText);

/** A validated event. */
export type EventInput = z.output<typeof eventInputSchema>;
/** The channel named by an opt-out (`unsubscribe`) event. */
export type UnsubscribeChannel = z.infer<typeof optOut>['channel'];
