import type { LeadAttributeDefinition } from '@segflow/scoring';
import { EVENT_TYPES } from '@segflow/events';
import { FEATURE_NAMES, RULE_FIRMOGRAPHIC_FIELDS, RULE_OPERATORS } from '@segflow/scoring';
import type { ConditionDraft } from './rule-condition-draft';

const SUBJECTS: Record<ConditionDraft['kind'], string> = {
  firmographic: 'lead field',
  feature: 'scoring feature',
  score: 'lead score',
  eventCount: 'events in the last N days',
  attribute: 'custom attribute',
};

/** One condition of the rule builder: subject, its field / feature / event window / attribute, operator and value. */
export function ConditionRow({
  draft,
  index,
  attributes,
  onChange,
  onRemove,
}: {
  draft: ConditionDraft;
  index: number;
  /** The workspace's custom attributes (the `attribute` subject is offered when there are any). */
  attributes: readonly LeadAttributeDefinition[];
  onChange: (draft: ConditionDraft) => void;
  onRemove: () => void;
}) {
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...draft, ...patch });
  const n = index + 1;
  return (
    <li className="field__row" data-testid={`condition-${index}`}>
      <select
        aria-label={`Condition ${n} subject`}
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as ConditionDraft['kind'] })}
      >
        {Object.entries(SUBJECTS)
          .filter(([kind]) => kind !== 'attribute' || attributes.length > 0 || draft.kind === 'attribute')
          .map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
      </select>
      {draft.kind === 'attribute' && (
        <select
          aria-label={`Condition ${n} attribute`}
          value={draft.attributeKey}
          onChange={(e) => set({ attributeKey: e.target.value })}
        >
          <option value="">(choose)</option>
          {attributes.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label} ({a.type})
            </option>
          ))}
        </select>
      )}
      {draft.kind === 'firmographic' && (
        <select
          aria-label={`Condition ${n} field`}
          value={draft.field}
          onChange={(e) => set({ field: e.target.value as ConditionDraft['field'] })}
        >
          {RULE_FIRMOGRAPHIC_FIELDS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      )}
      {draft.kind === 'feature' && (
        <select
          aria-label={`Condition ${n} feature`}
          value={draft.feature}
          onChange={(e) => set({ feature: e.target.value as ConditionDraft['feature'] })}
        >
          {FEATURE_NAMES.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      )}
      {draft.kind === 'eventCount' && (
        <>
          <select
            aria-label={`Condition ${n} event type`}
            value={draft.eventType}
            onChange={(e) => set({ eventType: e.target.value })}
          >
            {EVENT_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <input
            aria-label={`Condition ${n} days`}
            type="number"
            min={1}
            value={draft.days}
            onChange={(e) => set({ days: e.target.value })}
          />
        </>
      )}
      <select
        aria-label={`Condition ${n} operator`}
        value={draft.op}
        onChange={(e) => set({ op: e.target.value as ConditionDraft['op'] })}
      >
        {RULE_OPERATORS.map((op) => (
          <option key={op}>{op}</option>
        ))}
      </select>
      <input aria-label={`Condition ${n} value`} value={draft.value} onChange={(e) => set({ value: e.target.value })} />
      <button type="button" onClick={onRemove} aria-label={`Remove condition ${n}`}>
        ✕
      </button>
    </li>
  );
}
