import type { SendConfig, WhatsAppTemplate } from '@segflow/playbook';

/** What the editor tells ops about which WhatsApp message a send node will use. */
export const WHATSAPP_WINDOW_NOTE =
  "Free-form (the message above) inside 24 h of the lead's last WhatsApp message, otherwise the approved template below.";

/** A new, empty template for the node (Meta's name and language are filled in by ops). */
export const EMPTY_WHATSAPP_TEMPLATE: WhatsAppTemplate = { name: '', language: 'en', parameters: [] };

/**
 * The config for another channel, kept valid for it: only email has a subject, only WhatsApp has a template.
 *
 * @example
 * withChannel({ ...config, channel: 'whatsapp', whatsappTemplate }, 'email').whatsappTemplate; // undefined
 */
export function withChannel(config: SendConfig, channel: SendConfig['channel']): SendConfig {
  const { subject: _subject, html, whatsappTemplate, ...rest } = config;
  return {
    ...rest,
    channel,
    ...(channel === 'email' ? { subject: config.subject ?? '', ...(html !== undefined ? { html } : {}) } : {}),
    ...(channel === 'whatsapp' && whatsappTemplate ? { whatsappTemplate } : {}),
  };
}

/** What happens to a send outside the 24-hour window with this template (or none). */
export function outsideWindowOutcome(template: WhatsAppTemplate | undefined): string {
  if (!template)
    return 'Without a template, a send outside the 24-hour window fails (whatsapp-outside-24h-window-no-template).';
  const count = template.parameters.length;
  return `Outside the window: template ${template.name || '(name?)'} (${template.language}) with ${count} body parameter${count === 1 ? '' : 's'} {{1}}…`;
}
