import { Module } from '@nestjs/common';
import { ActiveModelCache } from './active-model-cache';

/** What ingest needs of segments (the active model), without the retrain/approve machinery. */
@Module({ providers: [ActiveModelCache], exports: [ActiveModelCache] })
export class SegmentsCoreModule {}
