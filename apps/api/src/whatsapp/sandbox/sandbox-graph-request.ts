import { z } from 'zod';

/** A Graph API error as Meta shapes it: `{ error: { message, type, code, error_data: { details } } }` with its HTTP status. */
export class SandboxGraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly title: string,
    readonly details: string,
  ) {
    super(`(#${code}) ${title}: ${details}`);
  }

  /** The response body Meta would send. */
  toBody(): Record<string, unknown> {
    return {
      error: {
        message: `(#${this.code}) ${this.title}`,
        type: 'OAuthException',
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details },
        fbtrace_id: 'sandbox',
      },
    };
  }
}

const text = z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() });
const template = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.object({ code: z.string().min(2).max(15), policy: z.literal('deterministic').optional() }),
  components: z
    .array(
      z.object({
        type: z.enum(['header', 'body', 'button']),
        parameters: z.array(z.object({ type: z.literal('text'), text: z.string().min(1).max(32_768) })).optional(),
      }),
    )
    .optional(),
});

const messageSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().regex(/^\+?[1-9]\d{6,14}$/, 'an E.164 phone number'),
    biz_opaque_callback_data: z.string().max(512).optional(),
    context: z.object({ message_id: z.string() }).optional(),
  })
  .and(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text }),
      z.object({ type: z.literal('template'), template }),
    ]),
  );

/** A message the sandbox accepted: the lead's number in E.164, and what a person would see of it. */
export interface SandboxOutboundMessage {
  phone: string;
  type: 'text' | 'template';
  body: string;
  template: z.infer<typeof template> | null;
  callbackData: string | null;
}

/**
 * Validates a `POST /{phone-number-id}/messages` body as the Cloud API would (text or template only; the sandbox
 * sends no media) or throws Meta's `(#100) Invalid parameter` naming the field.
 *
 * @example
 * parseSandboxMessageOrThrow({ messaging_product: 'whatsapp', to: '+919812345678', type: 'text', text: { body: 'Hi' } }).phone; // '+919812345678'
 */
export function parseSandboxMessageOrThrow(body: unknown): SandboxOutboundMessage {
  const parsed = messageSchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'type'}: ${i.message}`).join('; ');
    throw new SandboxGraphError(400, 100, 'Invalid parameter', details);
  }
  const message = parsed.data;
  const phone = message.to.startsWith('+') ? message.to : `+${message.to}`;
  const callbackData = message.biz_opaque_callback_data ?? null;
  if (message.type === 'text') return { phone, type: 'text', body: message.text.body, template: null, callbackData };
  const parameters = (message.template.components ?? []).flatMap((c) => (c.parameters ?? []).map((p) => p.text));
  const summary = `Template ${message.template.name} (${message.template.language.code})${parameters.length ? `: ${parameters.join(' · ')}` : ''}`;
  return { phone, type: 'template', body: summary, template: message.template, callbackData };
}
