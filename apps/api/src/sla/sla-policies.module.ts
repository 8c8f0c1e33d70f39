import { Module } from '@nestjs/common';
import { SlaPoliciesService } from './sla-policies.service';

/** SLA policy storage on its own, so a process can manage policies without running the breach monitor. */
@Module({ providers: [SlaPoliciesService], exports: [SlaPoliciesService] })
export class SlaPoliciesModule {}
