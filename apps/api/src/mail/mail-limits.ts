/**
 * Largest inbound message (source, attachments included) the SMTP server and POST /api/inbound/email take: replies
 * and bounces are small, and this keeps a flood of attachments from filling memory (each message is held whole).
 */
export const MAX_MAIL_BYTES = 10 * 1024 * 1024;
