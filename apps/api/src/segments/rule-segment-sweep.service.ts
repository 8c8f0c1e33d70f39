import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { isTimeDependentRule } from '@segflow/scoring';
import { lockActiveModelExclusive, listRuleSegments } from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { reevaluateRuleSegments } from './reevaluate-rule-segments';

/**
 * Every RULE_SEGMENT_SWEEP_MS, re-evaluates every lead against the rule segments when one of them counts events in a
 * window or reads a feature or the score: time alone changes those (an event leaves the window, features decay), and
 * ingest only re-evaluates a lead when it has a new event. Nothing runs while every rule reads lead fields only (a lead
 * upsert re-evaluates those). Each API replica sweeps; the model lock serialises them and a second sweep finds nothing
 * to move.
 */
@Injectable()
export class RuleSegmentSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RuleSegmentSweepService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<{ moved: number }>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.RULE_SEGMENT_SWEEP_MS) return;
    this.timer = setInterval(
      () => void this.sweep().catch((e: Error) => this.logger.warn(`rule segment sweep failed: ${e.message}`)),
      this.config.RULE_SEGMENT_SWEEP_MS,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep as of `now`; overlapping calls share the running one. */
  sweep(now = new Date()): Promise<{ moved: number }> {
    this.running ??= this.sweepAt(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepAt(now: Date): Promise<{ moved: number }> {
    const rules = await listRuleSegments(this.dataSource.manager);
    if (!rules.some((r) => isTimeDependentRule(r.rule))) return { moved: 0 };
    const result = await this.dataSource.transaction(async (manager) => {
      await lockActiveModelExclusive(manager);
      return reevaluateRuleSegments(manager, { now, margin: this.config.SEGMENT_HYSTERESIS, reason: 'rule_window' });
    });
    if (result.moved) this.logger.log(`rule segment sweep moved ${result.moved} lead(s)`);
    return result;
  }
}
