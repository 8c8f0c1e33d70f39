import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WhatsAppSandboxController, WhatsAppSandboxGraphController } from './sandbox/whatsapp-sandbox.controller';
import { WhatsAppSandboxService } from './sandbox/whatsapp-sandbox.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';
import { WhatsAppWebhookService } from './whatsapp-webhook.service';

/** WhatsApp Cloud API: the webhook Meta posts statuses and inbound messages to, and the sandbox (WHATSAPP_SANDBOX=on). */
@Module({
  imports: [EventsModule],
  controllers: [WhatsAppWebhookController, WhatsAppSandboxGraphController, WhatsAppSandboxController],
  providers: [WhatsAppWebhookService, WhatsAppSandboxService],
  exports: [WhatsAppWebhookService],
})
export class WhatsAppModule {}
