import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { FeaturesModule } from './features/features.module';
import { SegmentsModule } from './segments/segments.module';
import { NextBestActionModule } from './next-best-action/next-best-action.module';
import { HealthModule } from './health/health.module';
import { LeadsModule } from './leads/leads.module';
import { LookalikesModule } from './lookalikes/lookalikes.module';
import { LeadImportsModule } from './lead-imports/lead-imports.module';
import { MailModule } from './mail/mail.module';
import { MetricsModule } from './metrics/metrics.module';
import { OutboxModule } from './outbox/outbox.module';
import { PlaybooksModule } from './playbooks/playbooks.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PublicLinksModule } from './public-links/public-links.module';
import { RepliesModule } from './replies/replies.module';
import { RunsModule } from './runs/runs.module';
import { InboxModule } from './inbox/inbox.module';
import { IntentModule } from './intent/intent.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SlaModule } from './sla/sla.module';
import { TeamsModule } from './teams/teams.module';
import { TemporalModule } from './temporal/temporal.module';
import { API_TRACING, type ApiTracing } from './tracing/start-tracing';
import { UsersModule } from './users/users.module';
import { WhatsAppModule } from './whatsapp/whatsapp.module';
import { SettingsModule } from './settings/settings.module';

@Global()
@Module({})
class ConfigModule {
  static register(config: AppConfig, tracing: ApiTracing | null): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: API_TRACING, useValue: tracing },
      ],
      exports: [APP_CONFIG, API_TRACING],
    };
  }
}

/**
 * The API's root module; the validated config (and the tracing it started, if any) is passed in, so tests build it
 * without touching process.env.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig, tracing: ApiTracing | null = null): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config, tracing),
        DatabaseModule,
        TemporalModule,
        AuthModule,
        AuditModule,
        PrivacyModule,
        UsersModule,
        TeamsModule,
        InboxModule,
        SlaModule,
        NotificationsModule,
        DashboardsModule,
        HealthModule,
        LeadsModule,
        LeadImportsModule,
        EventsModule,
        IntentModule,
        RepliesModule,
        SegmentsModule,
        NextBestActionModule,
        FeaturesModule,
        PlaybooksModule,
        RunsModule,
        LookalikesModule,
        OutboxModule,
        MailModule,
        PublicLinksModule,
        WhatsAppModule,
        MetricsModule,
        SettingsModule,
      ],
    };
  }
}
