import { Inject, Injectable, NotFoundException, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AddressObject, simpleParser } from 'mailparser';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { SandboxMail, SandboxMailSummary } from '@segflow/api-contracts';
import { findSandboxMail, insertSandboxMail, listSandboxMail } from '@segflow/stores';

/**
 * The sandbox mailbox of `MAIL_SANDBOX=on`: what the embedded SMTP server caught for addresses outside the inbound
 * domain (every email Segflow "sent" under `npm start`), readable on the Mail page, where a user can answer as the lead.
 */
@Injectable()
export class SandboxMailService implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async catch(raw: Buffer, envelope: { from: string | null; to: string[] }): Promise<string> {
    const mail = await simpleParser(raw);
    return insertSandboxMail(this.db.manager, {
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to,
      messageId: mail.messageId ?? null,
      fromAddress: textOf(mail.from),
      toAddresses: textOf(mail.to),
      replyTo: mail.replyTo?.value[0]?.address ?? null,
      subject: mail.subject ?? null,
      text: mail.text ?? null,
      html: typeof mail.html === 'string' ? mail.html : null,
      headers: mail.headerLines.map(({ key, line }) => [key, line]),
      raw,
    });
  }

  list(limit: number, offset: number): Promise<SandboxMailSummary[]> {
    return listSandboxMail(this.db.manager, limit, offset);
  }

  async getOrThrow(id: string): Promise<SandboxMail> {
    const mail = /^[0-9a-f-]{36}$/i.test(id) ? await findSandboxMail(this.db.manager, id) : null;
    if (!mail) throw new NotFoundException(`no sandbox mail ${id}`);
    return mail;
  }

  /**
   * Answers a caught message as its recipient (the lead) would: a real SMTP message through SMTP_URL, From the
   * original To, to its Reply-To, threaded by In-Reply-To/References. In the sandbox SMTP_URL is our own server,
   * so the reply comes back in like any other.
   */
  async replyAsLead(id: string, text: string): Promise<{ messageId: string }> {
    const original = await this.getOrThrow(id);
    // The envelope recipient is the address that really received it, whatever the To header says.
    const from = original.envelopeTo[0] ?? firstAddress(original.toAddresses);
    const to = original.replyTo ?? firstAddress(original.fromAddress);
    if (!from || !to) throw new NotFoundException(`sandbox mail ${id} has no recipient or sender to answer`);
    const subject = original.subject ?? '';
    const sent = await this.transportOrThrow().sendMail({
      from,
      to,
      subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
      text,
      ...(original.messageId ? { inReplyTo: original.messageId, references: original.messageId } : {}),
    });
    return { messageId: sent.messageId };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private transportOrThrow(): Transporter {
    if (!this.config.SMTP_URL)
      throw new ServiceUnavailableException('SMTP_URL is not set: there is no mail server to send the reply through');
    this.transport ??= createTransport(this.config.SMTP_URL);
    return this.transport;
  }
}

function textOf(address: AddressObject | AddressObject[] | undefined): string | null {
  if (!address) return null;
  return (
    [address]
      .flat()
      .map((a) => a.text)
      .join(', ') || null
  );
}

/** The bare address in the first entry of an address list such as `Asha <asha@x.in>, b@y.in`. */
function firstAddress(list: string | null): string | null {
  const first = list?.split(',')[0]?.trim();
  if (!first) return null;
  return /<([^<>]+)>/.exec(first)?.[1] ?? first;
}
