import type { LeadFilters } from '@segflow/api-contracts';
import type { AuditFilters } from '../api/audit';
import type { DashboardRange, Dimension } from '../api/dashboards';

/**
 * Query keys, one root per resource: invalidating a root (e.g. `queryKeys.leads.all`) refetches every query under it.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
 */
export const queryKeys = {
  me: ['me'] as const,
  inbox: { all: ['inbox'] as const, list: (repId: string | undefined) => ['inbox', 'list', repId ?? null] as const },
  reps: { all: ['reps'] as const },
  leads: {
    all: ['leads'] as const,
    list: (filters: LeadFilters) => ['leads', 'list', filters] as const,
    detail: (id: string) => ['leads', 'detail', id] as const,
  },
  leadImports: { detail: (id: string | null) => ['lead-imports', id] as const },
  runs: { all: ['runs'] as const, ofLead: (leadId: string) => ['runs', 'lead', leadId] as const },
  touches: { all: ['touches'] as const, ofLead: (leadId: string) => ['touches', 'lead', leadId] as const },
  playbooks: {
    all: ['playbooks'] as const,
    list: ['playbooks', 'list'] as const,
    detail: (id: string) => ['playbooks', 'detail', id] as const,
    versions: (id: string) => ['playbooks', 'versions', id] as const,
    analytics: (id: string, version: number) => ['playbooks', 'analytics', id, version] as const,
    delivery: (id: string, version: number) => ['playbooks', 'delivery', id, version] as const,
  },
  segments: {
    all: ['segments'] as const,
    list: ['segments', 'list'] as const,
    model: (id: string) => ['segments', 'model', id] as const,
    models: ['segments', 'models'] as const,
    diff: (id: string) => ['segments', 'diff', id] as const,
    schedule: ['segments', 'schedule'] as const,
    nextBestActions: ['segments', 'next-best-actions'] as const,
    backtest: (segmentId: string, playbookId: string) => ['segments', 'backtest', segmentId, playbookId] as const,
  },
  dashboards: {
    all: ['dashboards'] as const,
    view: (name: string, range: DashboardRange, dimension?: Dimension, key?: string | null) =>
      ['dashboards', name, range, dimension ?? null, key ?? null] as const,
  },
  notifications: { all: ['notifications'] as const },
  deadLetters: { all: ['dead-letters'] as const },
  lookalikes: {
    all: ['lookalikes'] as const,
    detail: (id: string, offset: number) => ['lookalikes', 'detail', id, offset] as const,
  },
  audit: { all: ['audit'] as const, list: (filters: AuditFilters) => ['audit', 'list', filters] as const },
  sandboxMail: {
    all: ['sandbox-mail'] as const,
    page: (offset: number) => ['sandbox-mail', 'page', offset] as const,
    detail: (id: string) => ['sandbox-mail', 'detail', id] as const,
  },
  whatsappSandbox: {
    all: ['whatsapp-sandbox'] as const,
    conversation: (phone: string) => ['whatsapp-sandbox', 'conversation', phone] as const,
  },
  users: { all: ['users'] as const },
  apiKeys: { all: ['api-keys'] as const },
  channelSettings: { all: ['channel-settings'] as const },
  slaPolicies: { all: ['sla-policies'] as const },
  leadAttributes: { all: ['lead-attributes'] as const },
  calendars: {
    all: ['calendars'] as const,
    rep: (repId: string) => ['calendars', 'rep', repId] as const,
    teams: ['calendars', 'teams'] as const,
  },
};

/** What a `changed` on the inbox stream may have touched: tasks, and the leads, runs and dashboards they belong to. */
export const CHANGED_BY_TASKS = [
  queryKeys.inbox.all,
  queryKeys.leads.all,
  queryKeys.runs.all,
  queryKeys.dashboards.all,
  queryKeys.notifications.all,
];
