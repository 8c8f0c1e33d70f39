import { Module } from '@nestjs/common';
import { segflowSignerProvider } from '../common/segflow-signer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { PublicLinksController } from './public-links.controller';
import { PublicLinkRateGuard, PublicLinkRateLimit } from './public-link-rate-limit';
import { PublicLinksService } from './public-links.service';

/** The links in Segflow's messages: unsubscribe (page + RFC 8058 one-click), click redirects, the open pixel. */
@Module({
  imports: [EventsModule],
  controllers: [PublicLinksController],
  providers: [
    segflowSignerProvider,
    PublicLinksService,
    {
      provide: PublicLinkRateLimit,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PublicLinkRateLimit(config.PUBLIC_LINK_MAX_PER_MINUTE),
    },
    PublicLinkRateGuard,
  ],
})
export class PublicLinksModule {}
