import { Module } from '@nestjs/common';
import { segflowSignerProvider } from '../common/segflow-signer';
import { EventsModule } from '../events/events.module';
import { InboundEmailController } from './inbound-email.controller';
import { InboundMailService } from './inbound-mail.service';
import { SandboxMailController } from './sandbox-mail.controller';
import { SandboxMailService } from './sandbox-mail.service';
import { SmtpInboundServer } from './smtp-inbound.server';

/** Email coming back: the embedded SMTP server, POST /api/inbound/email, the sandbox mailbox. */
@Module({
  imports: [EventsModule],
  controllers: [InboundEmailController, SandboxMailController],
  providers: [segflowSignerProvider, InboundMailService, SandboxMailService, SmtpInboundServer],
})
export class MailModule {}
