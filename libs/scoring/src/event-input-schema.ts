import { z } from 'zod';
import { isCurrencyCode } from './validators';

const common = {
  eventId: z.string().min(1).max(128),
  leadExternalId: z.string().min(1).max(128),
  occurredAt: z.iso.datetime({ offset: true }),
  properties: z.record(z.string(), z.unknown()).optional(),
  replyTo: z
    .strictObject({
      touchId: z.string().min(1).max(128).optional(),
      providerMessageId: z.string().min(1).max(256).optional(),
    })
    .optional(),
};

const pageView = z.strictObject({ ...common, type: z.literal('page_view'), url: z.string().min(1).max(2048) });
const email = z.strictObject({
  ...common,
  type: z.literal(['email_open', 'email_click', 'email_reply', 'email_bounce']),
});
const whatsapp = z.strictObject({
  ...common,
  type: z.literal(['whatsapp_delivered', 'whatsapp_read', 'whatsapp_reply']),
});
const linkedin = z.strictObject({ ...common, type: z.literal(['linkedin_accept', 'linkedin_reply']) });
const demo = z.strictObject({ ...common, type: z.literal(['demo_booked', 'demo_attended', 'demo_no_show']) });
const formSubmit = z.strictObject({ ...common, type: z.literal('form_submit') });
const purchase = z.strictObject({
  ...common,
  type: z.literal('purchase'),
  amount: z.number().positive().finite(),
  currency: z.string().refine(isCurrencyCode, 'expected an ISO 4217 currency code such as INR'),
});
const unsubscribe = z.strictObject({
  ...common,
  type: z.literal('unsubscribe'),
  channel: z.enum(['email', 'whatsapp', 'linkedin', 'all']),
});

/**
 * An event as sent to `POST /api/events`: a discriminated union on `type`, so a bad
 * item reports the precise missing field of its own variant. Unknown keys are rejected;
 * free-form data goes in `properties`.
 *
 * @example
 * ```ts
 * eventInputSchema.safeParse({
 *   type: 'purchase', eventId: 'evt-1', leadExternalId: 'crm-42',
 *   occurredAt: '2025-03-01T10:00:00+05:30', amount: 49999, currency: 'INR',
 * }).success; // true
 * ```
 */
export const eventInputSchema = z.discriminatedUnion('type', [
  pageView,
  email,
  whatsapp,
  linkedin,
  demo,
  formSubmit,
  purchase,
  unsubscribe,
]);

/** A validated event. */
export type EventInput = z.output<typeof eventInputSchema>;
/** The channel named by an `unsubscribe` event. */
export type UnsubscribeChannel = z.infer<typeof unsubscribe>['channel'];
