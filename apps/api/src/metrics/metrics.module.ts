import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** GET /metrics for Prometheus (see README, "Metrics"). */
@Module({ imports: [OutboxModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}
