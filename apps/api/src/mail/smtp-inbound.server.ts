import { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InboundMailService } from './inbound-mail.service';
import { MAX_MAIL_BYTES } from './mail-limits';
import { SandboxMailService } from './sandbox-mail.service';

/** An SMTP error with its reply code, which smtp-server sends to the client. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The embedded SMTP server (when `INBOUND_SMTP_PORT` is set): mail to `*@INBOUND_EMAIL_DOMAIN` is inbound, trusted
 * because it arrived here; with `MAIL_SANDBOX=on` mail to any other address is kept in the sandbox mailbox. Any
 * other recipient gets 550, so this is never an open relay. No AUTH and no STARTTLS: it listens on API_HOST, and a
 * public MX goes through a TLS-terminating relay or an inbound-parse service posting to /api/inbound/email.
 */
@Injectable()
export class SmtpInboundServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SmtpInboundServer.name);
  private server: SMTPServer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
    private readonly sandbox: SandboxMailService,
  ) {}

  /** The port it listens on (the chosen one when INBOUND_SMTP_PORT=0), or null when it does not run. */
  port(): number | null {
    return this.server ? (this.server.server.address() as AddressInfo).port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.INBOUND_SMTP_PORT === undefined) return;
    const server = new SMTPServer({
      name: this.config.INBOUND_EMAIL_DOMAIN,
      banner:
        this.config.MAIL_SANDBOX === 'on' ? 'Segflow inbound mail (sandbox: catches all mail)' : 'Segflow inbound mail',
      size: MAX_MAIL_BYTES,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (address, session, callback) => callback(this.refusalOf(address)),
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    server.on('error', (error) => this.logger.error(`inbound SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.config.INBOUND_SMTP_PORT, this.config.API_HOST, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private isInbound(address: string): boolean {
    return address.toLowerCase().endsWith(`@${this.config.INBOUND_EMAIL_DOMAIN.toLowerCase()}`);
  }

  private refusalOf(address: SMTPServerAddress): Error | null {
    if (this.isInbound(address.address) || this.config.MAIL_SANDBOX === 'on') return null;
    return smtpError(
      550,
      `5.7.1 relaying to ${address.address} is not allowed: this server only takes mail for @${this.config.INBOUND_EMAIL_DOMAIN}`,
    );
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) throw smtpError(552, `5.3.4 message larger than ${MAX_MAIL_BYTES} bytes`);
    const raw = Buffer.concat(chunks);
    const recipients = session.envelope.rcptTo.map((r) => r.address);
    const inbound = recipients.filter((r) => this.isInbound(r));
    const caught = recipients.filter((r) => !this.isInbound(r));
    try {
      if (inbound.length > 0) await this.inbound.receive(raw, inbound);
      if (caught.length > 0)
        await this.sandbox.catch(raw, {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: caught,
        });
    } catch (error) {
      // A temporary failure: the sending server keeps the message and retries; processing is idempotent.
      this.logger.error(`inbound mail not processed: ${(error as Error).message}`);
      throw smtpError(451, '4.3.0 temporary failure processing the message, try again later');
    }
  }
}
