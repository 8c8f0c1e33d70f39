/** The channels a lead can opt out of on the preference page, as the `unsubscribe` event names them. */
export const PAGE_CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'all', label: 'All messages from us' },
] as const;
export type PageChannel = (typeof PAGE_CHANNELS)[number]['value'];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2933}
fieldset{border:1px solid #cbd2d9;border-radius:6px;padding:1rem}label{display:block;margin:.25rem 0}
button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** `a***@example.com`: enough for a lead to recognise the address, not enough to learn it from a forwarded link. */
export function maskAddress(address: string): string {
  const [local, domain] = address.split('@');
  if (!local || !domain) return '***';
  return `${local.slice(0, 1)}***@${domain}`;
}

/** The preference page: which channels to stop, and a confirm button (a GET never unsubscribes: link scanners fetch it). */
export function preferencePage(address: string | null): string {
  const choices = PAGE_CHANNELS.map(
    (c) =>
      `<label><input type="checkbox" name="channel" value="${c.value}"${c.value === 'email' ? ' checked' : ''}> ${c.label}</label>`,
  ).join('');
  const whose = address ? `<p>Messages to <strong>${escapeHtml(maskAddress(address))}</strong>.</p>` : '';
  return page(
    'Unsubscribe',
    `${whose}<form method="post"><fieldset><legend>Stop sending me</legend>${choices}</fieldset><button type="submit">Confirm</button></form>`,
  );
}

export function unsubscribedPage(channels: readonly PageChannel[]): string {
  const names = channels.map((c) => PAGE_CHANNELS.find((p) => p.value === c)!.label.toLowerCase()).join(', ');
  return page('You are unsubscribed', `<p>We will not contact you again on: ${escapeHtml(names)}.</p>`);
}

export function invalidLinkPage(): string {
  return page(
    'Link not valid',
    '<p>This link is not valid or has expired. If you keep getting our messages, reply to one with STOP.</p>',
  );
}
