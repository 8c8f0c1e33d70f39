import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';
import { WhatsAppWebhookService } from './whatsapp-webhook.service';

/** WhatsApp Cloud API: the webhook Meta posts statuses and inbound messages to. */
@Module({
  imports: [EventsModule],
  controllers: [WhatsAppWebhookController],
  providers: [WhatsAppWebhookService],
  exports: [WhatsAppWebhookService],
})
export class WhatsAppModule {}
