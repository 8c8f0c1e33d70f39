import { SegmentModelPropensity1764920000000 } from './migrations/1764920000000-segment-model-propensity';
import { SegmentModelDrift1764990000000 } from './migrations/1764990000000-segment-model-drift';
import { LookalikeLists1764985000000 } from './migrations/1764985000000-lookalike-lists';
import { LeadImports1764970000000 } from './migrations/1764970000000-lead-imports';
import { CreateLeads1764158400000 } from './migrations/1764158400000-create-leads';
import { CreateOutbox1764158500000 } from './migrations/1764158500000-create-outbox';
import { CreatePlaybooksAndRuns1764200000000 } from './migrations/1764200000000-create-playbooks-and-runs';
import { CreateUsersAndAuth1764400000000 } from './migrations/1764400000000-create-users-and-auth';
import { CreateInboxAndSla1764400100000 } from './migrations/1764400100000-create-inbox-and-sla';
import { CreateEventsAndFeatures1764300000000 } from './migrations/1764300000000-create-events-and-features';
import { CreateSegments1764300100000 } from './migrations/1764300100000-create-segments';
import { AddLeadScore1764500000000 } from './migrations/1764500000000-add-lead-score';
import { AddRepCalendars1764600000000 } from './migrations/1764600000000-add-rep-calendars';
import { AddDashboardRollups1764610000000 } from './migrations/1764610000000-add-dashboard-rollups';
import { NotifyTaskChanges1764630000000 } from './migrations/1764630000000-notify-task-changes';
import { NotifyOutbox1764650000000 } from './migrations/1764650000000-notify-outbox';
import { LightenEventWrites1764660000000 } from './migrations/1764660000000-lighten-event-writes';
import { NotifyOutboxOnlyWithRows1764670000000 } from './migrations/1764670000000-notify-outbox-only-with-rows';
import { ClaimOutboxRows1764680000000 } from './migrations/1764680000000-claim-outbox-rows';
import { PlaybookVersionsHeardEvents1764700000000 } from './migrations/1764700000000-playbook-versions-heard-events';
import { ChannelDelivery1764800000000 } from './migrations/1764800000000-channel-delivery';
import { SandboxMail1764810000000 } from './migrations/1764810000000-sandbox-mail';
import { WhatsAppSandbox1764820000000 } from './migrations/1764820000000-whatsapp-sandbox';
import { LeadTouchDays1764830000000 } from './migrations/1764830000000-lead-touch-days';
import { SignInAttempts1764840000000 } from './migrations/1764840000000-sign-in-attempts';
import { FaultHardening1764850000000 } from './migrations/1764850000000-fault-hardening';
import { EventVocabularyFunctions1764900000000 } from './migrations/1764900000000-event-vocabulary-functions';
import { AuditLogAndErasure1764940000000 } from './migrations/1764940000000-audit-log-and-erasure';
import { RuleSegments1764960000000 } from './migrations/1764960000000-rule-segments';
import { ReplyIntentTasks1764919000000 } from './migrations/1764919000000-reply-intent-tasks';
import { SerialiseLeadAttribution1764950000000 } from './migrations/1764950000000-serialise-lead-attribution';
import { LeadAttributes1764965000000 } from './migrations/1764965000000-lead-attributes';

// Listed explicitly (no globs) so the same list works from ts-jest sources and from dist/.
// In timestamp order, one per line.
export const MIGRATIONS = [
  CreateLeads1764158400000,
  CreateOutbox1764158500000,
  CreatePlaybooksAndRuns1764200000000,
  CreateEventsAndFeatures1764300000000,
  CreateSegments1764300100000,
  CreateUsersAndAuth1764400000000,
  CreateInboxAndSla1764400100000,
  AddLeadScore1764500000000,
  AddRepCalendars1764600000000,
  AddDashboardRollups1764610000000,
  NotifyTaskChanges1764630000000,
  NotifyOutbox1764650000000,
  LightenEventWrites1764660000000,
  NotifyOutboxOnlyWithRows1764670000000,
  ClaimOutboxRows1764680000000,
  PlaybookVersionsHeardEvents1764700000000,
  ChannelDelivery1764800000000,
  SandboxMail1764810000000,
  WhatsAppSandbox1764820000000,
  LeadTouchDays1764830000000,
  SignInAttempts1764840000000,
  FaultHardening1764850000000,
  EventVocabularyFunctions1764900000000,
  ReplyIntentTasks1764919000000,
  SegmentModelPropensity1764920000000,
  AuditLogAndErasure1764940000000,
  SerialiseLeadAttribution1764950000000,
  RuleSegments1764960000000,
  LeadAttributes1764965000000,
  LeadImports1764970000000,
  LookalikeLists1764985000000,
  SegmentModelDrift1764990000000,
];
