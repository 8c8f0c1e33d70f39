import { z } from 'zod';
import { channelSchema } from './common';
import { nodeSchemaOf, type NodeDefinition } from './node-definition';

/**
 * Who a touch is sent as: the lead's owner (rep) at send time, or a fixed mailbox / number.
 *
 * @example
 * senderSchema.parse({ kind: 'fixed', name: 'Segflow team', address: 'hello@segflow.io' });
 */
export const senderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner') }),
  z.object({ kind: z.literal('fixed'), name: z.string().min(1), address: z.string().min(1) }),
]);

/** Who a touch is sent as. */
export type Sender = z.infer<typeof senderSchema>;

/**
 * An approved WhatsApp message template (Meta's name and language code) and its body parameters `{{1}}, {{2}}, …` in
 * order, each a template over the lead's data. Sent instead of `body` outside the 24-hour customer-service window.
 *
 * @example
 * whatsappTemplateSchema.parse({ name: 'intro_followup', language: 'en_US', parameters: ['{{lead.firstName}}'] });
 */
export const whatsappTemplateSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and underscores, as Meta names templates'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code such as en, en_US or hi'),
  parameters: z.array(z.string().min(1).max(1024)).max(20),
});

/** A WhatsApp template of a `send` node. */
export type WhatsAppTemplate = z.infer<typeof whatsappTemplateSchema>;

/**
 * Config of a `send` node. `subject` is required for email and not allowed on other channels
 * (checked by `validatePlaybook`, code `channel-field`); so are `html` (email only: the HTML part, else it is made
 * from `body`) and `whatsappTemplate` (WhatsApp only: what is sent outside the lead's 24-hour window; without it
 * such a send fails). `body`, `subject`, `html` and the template's parameters are Liquid templates (see
 * `TEMPLATE_VARIABLES`).
 * `onFailure` decides what a permanent delivery failure does: follow the `failed` edge, skip to `next`,
 * or end the run (`exited`).
 *
 * @example
 * sendConfigSchema.parse({ channel: 'email', subject: 'Hi', body: 'Hi {{lead.firstName}}',
 *   sender: { kind: 'owner' }, onFailure: 'skip' });
 */
export const sendConfigSchema = z.object({
  channel: channelSchema,
  subject: z.string().max(300).optional(),
  body: z.string().min(1).max(5000),
  html: z.string().min(1).max(100_000).optional(),
  sender: senderSchema,
  whatsappTemplate: whatsappTemplateSchema.optional(),
  onFailure: z.enum(['followFailedEdge', 'skip', 'exit']),
});

/** Config of a `send` node. */
export type SendConfig = z.infer<typeof sendConfigSchema>;

/**
 * A node that sends one touch (email, WhatsApp; LinkedIn becomes a rep task).
 *
 * @example
 * sendNodeSchema.parse({ id: 's1', type: 'send', position: { x: 0, y: 0 }, config: sendDefinition.defaultConfig });
 */
export const sendNodeSchema = nodeSchemaOf('send', sendConfigSchema);

/** A persisted send node. */
export type SendNode = z.infer<typeof sendNodeSchema>;

/**
 * Registry entry for `send`. The `failed` handle is required only when `onFailure` is `followFailedEdge`.
 *
 * @example
 * sendDefinition.outHandles(sendDefinition.defaultConfig).map((h) => h.id); // ['next', 'failed']
 */
export const sendDefinition: NodeDefinition<'send', SendConfig> = {
  type: 'send',
  label: 'Send message',
  description: 'Sends an email or WhatsApp message, or asks the owner to send a LinkedIn message.',
  configSchema: sendConfigSchema,
  defaultConfig: {
    channel: 'email',
    subject: 'Quick question, {{lead.firstName}}',
    body: 'Hi {{lead.firstName}},\n\n— {{owner.name}}',
    sender: { kind: 'owner' },
    onFailure: 'skip',
  },
  outHandles: (config) => [
    { id: 'next', label: 'Sent', required: true },
    { id: 'failed', label: 'Failed', required: config.onFailure === 'followFailedEdge' },
  ],
  pausesRun: () => false,
};
