import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditActor, SegmentNextBestAction } from '@segflow/api-contracts';
import { recommendNextBestAction } from '@segflow/scoring';
import {
  channelRepliesBySegment,
  liftByPlaybook,
  listBoundPlaybooks,
  listLiveSegments,
  listSegmentNames,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { PlaybookLifecycleService } from '../playbooks/playbook-lifecycle.service';
import type { ApplyNextBestActionBody } from './next-best-action.dto';

/** Runs started and touches sent in this many days before now are measured: recent enough to describe today's leads. */
export const NEXT_BEST_ACTION_WINDOW_DAYS = 90;
const DAY = 86_400_000;

/** Per segment, the playbook and channel to run next (libs/scoring recommendNextBestAction), and applying it. */
@Injectable()
export class NextBestActionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lifecycle: PlaybookLifecycleService,
  ) {}

  async forLiveSegments(now = new Date()): Promise<SegmentNextBestAction[]> {
    const segments = await listLiveSegments(this.db.manager);
    return this.measure(segments, null, now);
  }

  async forSegmentOrThrow(id: string, now = new Date()): Promise<SegmentNextBestAction> {
    const [segment] = await listSegmentNames(this.db.manager, [id]);
    if (!segment) throw new NotFoundException(`segment ${id} not found`);
    const [action] = await this.measure([segment], id, now);
    return action!;
  }

  /**
   * Binds the recommended playbook to the segment as a normal binding does (audit entry, one playbook per segment: a
   * segment bound to another playbook is a 409 naming it); already applied is a no-op. The caller names the playbook
   * it saw, so a recommendation that changed in between is refused rather than applied blind.
   */
  async applyOrThrow(
    id: string,
    body: ApplyNextBestActionBody,
    actor: AuditActor,
    now = new Date(),
  ): Promise<SegmentNextBestAction> {
    const action = await this.forSegmentOrThrow(id, now);
    if (action.status === 'not_enough_data')
      throw new ConflictException({ message: `nothing to apply: ${action.reason}`, field: 'playbookId' });
    if (action.playbookId !== body.playbookId)
      throw new ConflictException({
        message: `the recommendation for this segment is now "${action.playbookName}"`,
        field: 'playbookId',
        playbookId: action.playbookId,
      });
    if (action.status === 'already_applied') return action;
    await this.lifecycle.bind(action.playbookId, { segmentId: id, holdoutPercent: body.holdoutPercent }, actor);
    return this.forSegmentOrThrow(id, now);
  }

  private async measure(
    segments: readonly { id: string; name: string }[],
    segmentId: string | null,
    now: Date,
  ): Promise<SegmentNextBestAction[]> {
    const range = { from: new Date(now.getTime() - NEXT_BEST_ACTION_WINDOW_DAYS * DAY), to: now };
    const [lifts, replies, bound] = await Promise.all([
      liftByPlaybook(this.db.manager, range),
      channelRepliesBySegment(this.db.manager, { ...range, segmentId }),
      listBoundPlaybooks(this.db.manager),
    ]);
    return segments.map((segment) => {
      const boundPlaybookId = bound.get(segment.id) ?? null;
      const action = recommendNextBestAction({
        lifts: lifts
          .filter((l) => l.segmentId === segment.id)
          .map((l) => ({ ...l, playbookName: l.playbookName ?? l.playbookId })),
        replies: replies.filter((r) => r.segmentId === segment.id),
        boundPlaybookId,
      });
      const window = { from: range.from.toISOString(), to: range.to.toISOString() };
      return { ...action, segmentId: segment.id, segmentName: segment.name, boundPlaybookId, ...window };
    });
  }
}
