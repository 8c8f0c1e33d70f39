import { Inject, Injectable, Logger, NotFoundException, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  insertSandboxMessage,
  listSandboxConversations,
  listSandboxMessages,
  setSandboxStatus,
  type SandboxMessageRow,
} from '@segflow/stores';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { isSameSecret } from '../whatsapp-signature';
import type { WhatsAppWebhookOutcome } from '../whatsapp-webhook.service';
import { parseSandboxMessageOrThrow, SandboxGraphError } from './sandbox-graph-request';
import { postSandboxWebhook, SANDBOX_DISPLAY_NUMBER, sandboxWebhookBody, type InjectTarget } from './sandbox-webhooks';

/** Pause before each status webhook, as Meta's arrive shortly after the send. */
export const SANDBOX_STATUS_DELAY_MS = 300;
/**
 * Times a status our webhook could not match yet is re-posted (at {@link SANDBOX_STATUS_DELAY_MS}): the worker
 * records a touch's wamid only after the send returns, so the first status can race it.
 */
export const SANDBOX_STATUS_ATTEMPTS = 20;

const newWamid = () => `wamid.${randomBytes(24).toString('base64url')}`;
const unixNow = () => String(Math.floor(Date.now() / 1000));

/**
 * The WhatsApp sandbox (WHATSAPP_SANDBOX=on): accepts messages on the Cloud API's contract, keeps the conversation,
 * and reports back through signed webhooks to our own webhook — `sent` and `delivered` after each send, `read` when
 * a user opens the conversation, and inbound messages when a user answers as the lead.
 */
@Injectable()
export class WhatsAppSandboxService implements OnModuleDestroy {
  private readonly logger = new Logger(WhatsAppSandboxService.name);
  private readonly stopped = new AbortController();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly http: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopped.abort();
  }

  /** 404 unless the sandbox is on. */
  assertOn(): void {
    if (this.config.WHATSAPP_SANDBOX !== 'on')
      throw new NotFoundException('the WhatsApp sandbox is off (WHATSAPP_SANDBOX)');
  }

  /** `POST /{version}/{phoneNumberId}/messages` as Meta answers it; statuses follow by webhook. */
  async acceptMessage(
    phoneNumberId: string,
    authorization: string | undefined,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    this.assertOn();
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token || !isSameSecret(token, this.config.WHATSAPP_ACCESS_TOKEN)) {
      throw new SandboxGraphError(
        401,
        190,
        'Invalid OAuth access token',
        'the bearer token is not WHATSAPP_ACCESS_TOKEN',
      );
    }
    if (phoneNumberId !== this.config.WHATSAPP_PHONE_NUMBER_ID) {
      throw new SandboxGraphError(
        400,
        100,
        'Invalid parameter',
        `phone number id ${phoneNumberId} does not exist (this sandbox is ${this.config.WHATSAPP_PHONE_NUMBER_ID})`,
      );
    }
    const message = parseSandboxMessageOrThrow(body);
    const wamid = newWamid();
    await insertSandboxMessage(this.db, {
      wamid,
      ...message,
      direction: 'outbound',
      contextWamid: null,
      status: 'accepted',
    });
    void this.reportStatuses(wamid, message.phone, message.callbackData, ['sent', 'delivered']);
    return {
      messaging_product: 'whatsapp',
      contacts: [{ input: message.phone, wa_id: message.phone.slice(1) }],
      messages: [{ id: wamid }],
    };
  }

  async conversations() {
    this.assertOn();
    return listSandboxConversations(this.db);
  }

  /** The conversation with `phone`; opening it reads every delivered message (a `read` status each). */
  async openConversation(phone: string): Promise<SandboxMessageRow[]> {
    this.assertOn();
    const messages = await listSandboxMessages(this.db, phone);
    const unread = messages.filter((m) => m.direction === 'outbound' && m.status === 'delivered');
    await Promise.all(unread.map((m) => this.reportStatuses(m.wamid, phone, m.callbackData, ['read'])));
    return listSandboxMessages(this.db, phone);
  }

  /** A message from the lead at `phone`, answering `contextWamid` when given; posted to our webhook as Meta would. */
  async answerAsLead(phone: string, text: string, contextWamid: string | null): Promise<WhatsAppWebhookOutcome> {
    this.assertOn();
    const wamid = newWamid();
    await insertSandboxMessage(this.db, {
      wamid,
      phone,
      direction: 'inbound',
      type: 'text',
      body: text,
      template: null,
      contextWamid,
      callbackData: null,
      status: 'received',
    });
    const message = {
      from: phone.slice(1),
      id: wamid,
      timestamp: unixNow(),
      type: 'text',
      text: { body: text },
      ...(contextWamid ? { context: { from: SANDBOX_DISPLAY_NUMBER, id: contextWamid } } : {}),
    };
    return this.post({ contacts: [{ profile: { name: 'Sandbox lead' }, wa_id: phone.slice(1) }], messages: [message] });
  }

  private async reportStatuses(
    wamid: string,
    phone: string,
    callbackData: string | null,
    statuses: Array<'sent' | 'delivered' | 'read'>,
  ): Promise<void> {
    try {
      for (const status of statuses) {
        await setSandboxStatus(this.db, wamid, status);
        const item = {
          id: wamid,
          status,
          timestamp: unixNow(),
          recipient_id: phone.slice(1),
          ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
        };
        for (let attempt = 1; attempt <= SANDBOX_STATUS_ATTEMPTS; attempt++) {
          if (status !== 'read' || attempt > 1)
            await sleep(SANDBOX_STATUS_DELAY_MS, undefined, { signal: this.stopped.signal });
          const outcome = await this.post({ statuses: [item] });
          if (!outcome.unmatched.includes(wamid)) break;
        }
      }
    } catch (error) {
      if (!this.stopped.signal.aborted)
        this.logger.warn(`sandbox status webhook for ${wamid} failed: ${(error as Error).message}`);
    }
  }

  private post(value: Record<string, unknown>): Promise<WhatsAppWebhookOutcome> {
    const target = this.http.httpAdapter.getInstance() as InjectTarget;
    return postSandboxWebhook(
      target,
      this.config.WHATSAPP_APP_SECRET!,
      sandboxWebhookBody(this.config.WHATSAPP_PHONE_NUMBER_ID!, value),
    );
  }
}
