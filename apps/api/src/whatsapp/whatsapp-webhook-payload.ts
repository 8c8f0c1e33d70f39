import { z } from 'zod';

const unixSeconds = z.string().regex(/^\d{1,12}$/);

/** One `statuses[]` item of a Cloud API webhook: what happened to a message we sent. */
export const whatsappStatusSchema = z.object({
  id: z.string().min(1).max(256),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z
    .array(z.object({ code: z.number().int(), title: z.string().optional(), message: z.string().optional() }))
    .optional(),
});

/** One `messages[]` item: a message the lead sent us (text, button or interactive reply; other types keep no text). */
export const whatsappMessageSchema = z.object({
  id: z.string().min(1).max(256),
  from: z.string().regex(/^\d{7,15}$/, "a WhatsApp id: the sender's number in digits"),
  timestamp: unixSeconds,
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  button: z.object({ text: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
  context: z.object({ id: z.string().optional() }).optional(),
});

export type WhatsAppStatus = z.infer<typeof whatsappStatusSchema>;
export type WhatsAppInboundMessage = z.infer<typeof whatsappMessageSchema>;

const envelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z
            .object({ statuses: z.array(z.unknown()).optional(), messages: z.array(z.unknown()).optional() })
            .loose(),
        }),
      ),
    }),
  ),
});

/** The statuses and messages of a webhook body, each parsed alone: an item we cannot read is counted, not fatal. */
export function itemsOfWebhook(body: unknown): {
  statuses: WhatsAppStatus[];
  messages: WhatsAppInboundMessage[];
  unreadable: number;
} {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { statuses: [], messages: [], unreadable: 1 };
  const values = envelope.data.entry.flatMap((entry) =>
    entry.changes.filter((c) => c.field === 'messages').map((c) => c.value),
  );
  let unreadable = 0;
  const parseAll = <T>(items: unknown[], schema: z.ZodType<T>): T[] =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) unreadable += 1;
      return parsed.success ? [parsed.data] : [];
    });
  return {
    statuses: parseAll(
      values.flatMap((v) => v.statuses ?? []),
      whatsappStatusSchema,
    ),
    messages: parseAll(
      values.flatMap((v) => v.messages ?? []),
      whatsappMessageSchema,
    ),
    unreadable,
  };
}

/** The words of an inbound message: its text, or the label of the button or list item the lead tapped. */
export function textOfMessage(message: WhatsAppInboundMessage): string {
  return (
    message.text?.body ??
    message.button?.text ??
    message.interactive?.button_reply?.title ??
    message.interactive?.list_reply?.title ??
    ''
  );
}

/** A webhook's unix-seconds timestamp as an ISO instant. */
export function isoOfTimestamp(timestamp: string): string {
  return new Date(Number(timestamp) * 1000).toISOString();
}
