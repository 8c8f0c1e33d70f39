/** A delivery status notification (RFC 3464) as a receiving MTA sends it back for one recipient of a message. */
export interface DsnFixture {
  /** `Status:` of the recipient, e.g. `5.1.1` (hard) or `4.2.2` (soft). */
  status: string;
  /** Where the report is addressed (the bounced message's envelope sender). */
  to: string;
  /** The recipient that failed (`Final-Recipient`). */
  recipient: string;
  /** The bounced message's Message-ID, in its attached headers. */
  originalMessageId: string;
  /** The report's own Message-ID. */
  messageId: string;
}

/** The raw report, multipart/report with a text part, the delivery-status part and the original headers. */
export function dsnMessage({ status, to, recipient, originalMessageId, messageId }: DsnFixture): string {
  const failed = status.startsWith('5');
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.in>',
    `To: ${to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${messageId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="DSN"',
    '',
    '--DSN',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered.',
    '',
    '--DSN',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.in',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Action: ${failed ? 'failed' : 'delayed'}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${failed ? '550' : '451'} ${status} mailbox problem`,
    '',
    '--DSN',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${originalMessageId}`,
    'Subject: Pricing for your team',
    '',
    '--DSN--',
    '',
  ].join('\r\n');
}
