import {
  dormantWinBackTemplate,
  hotLeadFastFollowTemplate,
  whatsappCheckInTemplate,
  type PlaybookTemplate,
  type PlaybookTemplateOptions,
} from '@segflow/playbook/testing';
import { SYSTEM_ACTOR } from '@segflow/stores';
import type { EnrolMembersDto } from '../playbooks/playbook.dto';
import { PlaybookLifecycleService } from '../playbooks/playbook-lifecycle.service';
import { PlaybooksService } from '../playbooks/playbooks.service';
import type { SegmentDto } from '../segments/segment.dto';
import { SegmentsService } from '../segments/segments.service';
import type { SlaPolicyInput } from '../sla/sla-policy.dto';
import { SlaPoliciesService } from '../sla/sla-policies.service';
import { DEMO_CALENDARS, DEMO_ROUTE_RULE } from './demo-team';

/** The segments the demo binds playbooks to, chosen by what their centroids say. */
export interface DemoSegmentPicks {
  /** Highest intent: pricing views, forms, replies. */
  hot?: SegmentDto;
  /** Longest since they last engaged. */
  dormant?: SegmentDto;
  /** Most WhatsApp-minded of the rest. */
  whatsapp?: SegmentDto;
}

/**
 * Picks three distinct segments by centroid (segment ids and names change with every training, so the demo looks at
 * behaviour, not labels): the highest `intent`, then the lowest `recency`, then the highest `affinity_whatsapp`.
 * A pick is missing when there are fewer segments than picks.
 */
export function pickDemoSegments(segments: readonly SegmentDto[]): DemoSegmentPicks {
  const taken = new Set<string>();
  const best = (score: (s: SegmentDto) => number) => {
    const pick = segments.filter((s) => !taken.has(s.id)).sort((a, b) => score(b) - score(a))[0];
    if (pick) taken.add(pick.id);
    return pick;
  };
  const feature = (s: SegmentDto, name: string) => s.centroid[name] ?? 0;
  const hot = best((s) => feature(s, 'intent'));
  const dormant = best((s) => -feature(s, 'recency'));
  const whatsapp = best((s) => feature(s, 'affinity_whatsapp'));
  return { hot, dormant, whatsapp };
}

/** What the demo did for one playbook. */
export interface DemoPlaybookSummary {
  name: string;
  segment: string;
  created: boolean;
  bound: boolean;
  slaPolicyCreated: boolean;
  /** Present when the binding was made now and the segment's current members were enrolled. */
  enrolled: EnrolMembersDto | null;
}

export interface DemoPlaybookServices {
  playbooks: PlaybooksService;
  lifecycle: PlaybookLifecycleService;
  segments: SegmentsService;
  slaPolicies: SlaPoliciesService;
}

interface Plan {
  segment: SegmentDto;
  template: PlaybookTemplate;
  holdoutPercent: number;
  sla: Pick<SlaPolicyInput, 'firstTouchWithinMinutes' | 'clock' | 'calendar'>;
}

function plansOf(picks: DemoSegmentPicks, options: PlaybookTemplateOptions): Plan[] {
  const plans: Array<Plan | null> = [
    // Hot leads: first touch within 30 business minutes of the Indian desk, where most of them are.
    picks.hot
      ? {
          segment: picks.hot,
          template: hotLeadFastFollowTemplate(options),
          holdoutPercent: 0,
          sla: { firstTouchWithinMinutes: 30, clock: 'business', calendar: DEMO_CALENDARS.india },
        }
      : null,
    // The nurture is the one worth measuring: a fifth of its entrants are held out, so the lift panel compares.
    picks.dormant
      ? {
          segment: picks.dormant,
          template: dormantWinBackTemplate(options),
          holdoutPercent: 20,
          sla: { firstTouchWithinMinutes: 24 * 60, clock: 'wall', calendar: null },
        }
      : null,
    picks.whatsapp
      ? {
          segment: picks.whatsapp,
          template: whatsappCheckInTemplate(options),
          holdoutPercent: 0,
          sla: { firstTouchWithinMinutes: 4 * 60, clock: 'business', calendar: DEMO_CALENDARS.india },
        }
      : null,
  ];
  return plans.filter((p): p is Plan => p !== null);
}

/**
 * Publishes the demo playbook templates, binds each to the segment its behaviour fits, gives each segment a first-
 * touch SLA policy and enrols the segment's current members, all through the API's services. Idempotent: a
 * playbook found by name, a bound segment and an existing policy are left alone, and members are enrolled only
 * when the binding is made (later entrants arrive through the outbox like any segment change).
 */
export async function seedDemoPlaybooks(
  services: DemoPlaybookServices,
  options: Omit<PlaybookTemplateOptions, 'route'>,
): Promise<DemoPlaybookSummary[]> {
  const segments = await services.segments.list();
  const plans = plansOf(pickDemoSegments(segments), { ...options, route: DEMO_ROUTE_RULE });
  const playbooks = await services.playbooks.list();
  const policies = await services.slaPolicies.list();
  const summaries: DemoPlaybookSummary[] = [];
  for (const { segment, template, holdoutPercent, sla } of plans) {
    let id = playbooks.find((p) => p.name === template.name)?.id;
    const created = id === undefined;
    if (id === undefined) {
      const playbook = await services.playbooks.create(
        { name: template.name, description: template.description },
        null,
      );
      await services.playbooks.saveDraft(
        playbook.id,
        { graph: template.graph, revision: playbook.draftRevision },
        null,
      );
      await services.playbooks.publish(playbook.id, 'from the demo seed', null, SYSTEM_ACTOR);
      id = playbook.id;
    }
    const bound = segment.boundPlaybookId === undefined && !playbooks.some((p) => p.id === id && p.segmentId !== null);
    if (bound) await services.lifecycle.bind(id, { segmentId: segment.id, holdoutPercent }, SYSTEM_ACTOR);
    const hasPolicy = policies.some((p) => p.segmentId === segment.id && p.playbookId === null);
    if (!hasPolicy)
      await services.slaPolicies.createOrThrow(
        { segmentId: segment.id, playbookId: null, reassignOnBreach: false, ...sla },
        SYSTEM_ACTOR,
      );
    const enrolled = bound ? await services.lifecycle.enrolSegmentMembers(id, SYSTEM_ACTOR) : null;
    summaries.push({
      name: template.name,
      segment: segment.name,
      created,
      bound,
      slaPolicyCreated: !hasPolicy,
      enrolled,
    });
  }
  return summaries;
}
