import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ imports: [EventsModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
