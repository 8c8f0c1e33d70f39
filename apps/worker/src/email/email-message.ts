import { replyAddress, signToken, textToHtml, type Signer } from '@segflow/channels';
import type Mail from 'nodemailer/lib/mailer';
import type { OutgoingTouch } from '../activities/playbook-touch-provider';
import { rewriteLinks, withOpenPixel } from './email-links';

/** What every email of this worker shares: where links and replies point, and the sending domain. */
export interface EmailSettings {
  publicUrl: string;
  fromDomain: string;
  inboundDomain: string;
  trackOpens: boolean;
  sign: Signer;
}

/**
 * The sender's mailbox on the sending domain: the local part of the owner's (or fixed sender's) own address, else
 * their name made into one (`Asha Rao` → `asha.rao`), else `team`. Every message goes out from `EMAIL_FROM_DOMAIN`,
 * the one domain whose SPF and DKIM the operator set up.
 *
 * @example
 * senderMailbox({ name: 'Asha Rao', address: 'asha@suratsilks.in' }, 'mail.segflow.io'); // 'asha@mail.segflow.io'
 */
export function senderMailbox(from: OutgoingTouch['from'], fromDomain: string): string {
  const own = from.address
    ?.split('@')[0]
    ?.toLowerCase()
    .replace(/[^a-z0-9._+-]/g, '');
  // Accents dropped (NFKD + combining marks), anything else outside [a-z0-9] becomes a dot.
  const named = from.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${own || named || 'team'}@${fromDomain}`;
}

/**
 * The nodemailer message of an email touch: HTML (the node's HTML template, else made from the text) with links
 * pointed at the click redirect and, when on, the open pixel; the text alternative as rendered; `Message-ID` from
 * the touch; `Reply-To` and the envelope sender at the touch's signed reply address (replies and bounces thread to
 * it); RFC 8058 one-click `List-Unsubscribe`.
 */
export function buildEmailMessage(touch: OutgoingTouch, settings: EmailSettings): Mail.Options {
  const { publicUrl, sign, touchId } = { ...settings, touchId: touch.touchId };
  const links = { touchId, publicUrl, sign };
  const linked = rewriteLinks(touch.html ?? textToHtml(touch.body), links);
  const reply = replyAddress(touchId, settings.inboundDomain, sign);
  const unsubscribe = `${publicUrl}/u/${signToken({ purpose: 'unsubscribe', touchId }, sign)}`;
  return {
    from: { name: touch.from.name.replace(/[\r\n]+/g, ' '), address: senderMailbox(touch.from, settings.fromDomain) },
    to: touch.to,
    replyTo: reply,
    envelope: { from: reply, to: touch.to },
    subject: touch.subject ?? '',
    text: touch.body,
    html: settings.trackOpens ? withOpenPixel(linked, links) : linked,
    messageId: touch.messageId,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>, <mailto:${reply}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
