import { Module } from '@nestjs/common';
import { segflowSignerProvider } from '../common/segflow-signer';
import { EventsModule } from '../events/events.module';
import { PublicLinksController } from './public-links.controller';
import { PublicLinksService } from './public-links.service';

/** The links in Segflow's messages: unsubscribe (page + RFC 8058 one-click), click redirects, the open pixel. */
@Module({
  imports: [EventsModule],
  controllers: [PublicLinksController],
  providers: [segflowSignerProvider, PublicLinksService],
})
export class PublicLinksModule {}
