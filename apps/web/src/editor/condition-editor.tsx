import { isReplyIntent, REPLY_INTENTS } from '@segflow/intent';
import { channelSchema, comparatorSchema, type Comparator, type Condition, type FieldRef } from '@segflow/playbook';
import { FEATURE_NAMES } from '@segflow/scoring';
import { useLeadAttributes } from './use-lead-attributes';
import { formatConditionValue, parseConditionValue, parseMinConfidence } from './condition-value';
import { EventTypeInput } from './event-types-input';

const NEW_CONDITIONS: Record<Condition['op'], () => Condition> = {
  eventSeen: () => ({ op: 'eventSeen', eventType: 'email_reply' }),
  replyIntent: () => ({ op: 'replyIntent', intent: 'interested' }),
  compare: () => ({ op: 'compare', field: { scope: 'feature', name: 'intent' }, comparator: 'gte', value: 0.5 }),
  and: () => ({ op: 'and', conditions: [NEW_CONDITIONS.eventSeen()] }),
  or: () => ({ op: 'or', conditions: [NEW_CONDITIONS.eventSeen()] }),
  not: () => ({ op: 'not', condition: NEW_CONDITIONS.eventSeen() }),
};

const OP_LABELS: Record<Condition['op'], string> = {
  eventSeen: 'lead did something',
  replyIntent: 'reply intent is',
  compare: 'a field compares',
  and: 'all of',
  or: 'any of',
  not: 'not',
};

const FIELD_OF_SCOPE: Record<FieldRef['scope'], FieldRef> = {
  lead: { scope: 'lead', field: 'country' },
  feature: { scope: 'feature', name: 'intent' },
  segment: { scope: 'segment', field: 'name' },
  owner: { scope: 'owner', field: 'name' },
  attribute: { scope: 'attribute', key: '' },
};

// A custom attribute of the workspace schema; a key it no longer has (an old draft) stays visible, publishing names it.
function AttributePicker({ field, onChange }: { field: { key: string }; onChange: (field: FieldRef) => void }) {
  const attributes = useLeadAttributes();
  return (
    <select
      aria-label="Attribute"
      value={field.key}
      onChange={(e) => onChange({ scope: 'attribute', key: e.target.value })}
    >
      {!attributes.some((a) => a.key === field.key) && <option value={field.key}>{field.key || 'pick one…'}</option>}
      {attributes.map((a) => (
        <option key={a.key} value={a.key}>
          {a.label} ({a.type})
        </option>
      ))}
    </select>
  );
}

function FieldPicker({ field, onChange }: { field: FieldRef; onChange: (field: FieldRef) => void }) {
  const firstAttribute = useLeadAttributes()[0]?.key ?? '';
  const pickScope = (scope: FieldRef['scope']) =>
    onChange(scope === 'attribute' ? { scope, key: firstAttribute } : FIELD_OF_SCOPE[scope]);
  return (
    <span className="field__row">
      <select
        aria-label="Field scope"
        value={field.scope}
        onChange={(e) => pickScope(e.target.value as FieldRef['scope'])}
      >
        {Object.keys(FIELD_OF_SCOPE).map((scope) => (
          <option key={scope} value={scope}>
            {scope}
          </option>
        ))}
      </select>
      {field.scope === 'lead' && (
        <input
          aria-label="Lead field"
          value={field.field}
          onChange={(e) => onChange({ scope: 'lead', field: e.target.value })}
        />
      )}
      {field.scope === 'feature' && (
        <select
          aria-label="Feature"
          value={field.name}
          onChange={(e) => onChange({ scope: 'feature', name: e.target.value })}
        >
          {/* A name the scoring library does not compute (an old draft) stays visible; publishing names it. */}
          {!(FEATURE_NAMES as readonly string[]).includes(field.name) && (
            <option value={field.name}>{field.name}</option>
          )}
          {FEATURE_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
      {field.scope === 'attribute' && <AttributePicker field={field} onChange={onChange} />}
      {(field.scope === 'segment' || field.scope === 'owner') && (
        <select
          aria-label="Which"
          value={field.field}
          onChange={(e) => onChange({ scope: field.scope, field: e.target.value as 'id' | 'name' } as FieldRef)}
        >
          <option value="name">name</option>
          <option value="id">id</option>
        </select>
      )}
    </span>
  );
}

function CompareRow({
  condition,
  onChange,
}: {
  condition: Extract<Condition, { op: 'compare' }>;
  onChange: (c: Condition) => void;
}) {
  return (
    <div className="condition__body">
      <FieldPicker field={condition.field} onChange={(field) => onChange({ ...condition, field })} />
      <span className="field__row">
        <select
          aria-label="Comparator"
          value={condition.comparator}
          onChange={(e) => {
            const comparator = e.target.value as Comparator;
            onChange({
              ...condition,
              comparator,
              value: parseConditionValue(formatConditionValue(condition.value), comparator),
            });
          }}
        >
          {comparatorSchema.options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {condition.comparator !== 'exists' && (
          <input
            aria-label="Value"
            value={formatConditionValue(condition.value)}
            onChange={(e) =>
              onChange({ ...condition, value: parseConditionValue(e.target.value, condition.comparator) })
            }
          />
        )}
      </span>
    </div>
  );
}

type ReplyIntentCondition = Extract<Condition, { op: 'replyIntent' }>;

/** The intent the latest reply must have, and optionally how sure the classifier must be (in %). */
function ReplyIntentRow({
  condition,
  onChange,
}: {
  condition: ReplyIntentCondition;
  onChange: (c: Condition) => void;
}) {
  const percent = condition.minConfidence === undefined ? '' : String(Math.round(condition.minConfidence * 100));
  return (
    <div className="condition__body">
      <select
        aria-label="Reply intent"
        value={condition.intent}
        onChange={(e) => onChange({ ...condition, intent: e.target.value })}
      >
        {!isReplyIntent(condition.intent) && <option value={condition.intent}>{condition.intent} (unknown)</option>}
        {REPLY_INTENTS.map((intent) => (
          <option key={intent} value={intent}>
            {intent.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
      <label className="field">
        At least (% confidence)
        <input
          aria-label="Minimum confidence"
          type="number"
          min={0}
          max={100}
          placeholder="any"
          value={percent}
          onChange={(e) => {
            const { minConfidence: _previous, ...rest } = condition;
            const minConfidence = parseMinConfidence(e.target.value);
            onChange(minConfidence === undefined ? rest : { ...rest, minConfidence });
          }}
        />
      </label>
    </div>
  );
}

function GroupRows({
  condition,
  onChange,
}: {
  condition: Extract<Condition, { op: 'and' | 'or' }>;
  onChange: (c: Condition) => void;
}) {
  const setChild = (index: number, child: Condition) =>
    onChange({ ...condition, conditions: condition.conditions.map((c, i) => (i === index ? child : c)) });
  return (
    <div className="condition__children">
      {condition.conditions.map((child, index) => (
        <div key={index} className="condition__child">
          <ConditionEditor condition={child} onChange={(c) => setChild(index, c)} />
          {condition.conditions.length > 1 && (
            <button
              type="button"
              className="link"
              onClick={() => onChange({ ...condition, conditions: condition.conditions.filter((_, i) => i !== index) })}
            >
              remove
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="link"
        onClick={() => onChange({ ...condition, conditions: [...condition.conditions, NEW_CONDITIONS.eventSeen()] })}
      >
        + condition
      </button>
    </div>
  );
}

/** Builds a condition tree without JSON: pick an operator, then its fields or sub-conditions. */
export function ConditionEditor({
  condition,
  onChange,
}: {
  condition: Condition;
  onChange: (condition: Condition) => void;
}) {
  return (
    <div className={`condition condition--${condition.op}`}>
      <select
        aria-label="Condition type"
        value={condition.op}
        onChange={(e) => onChange(NEW_CONDITIONS[e.target.value as Condition['op']]())}
      >
        {(Object.keys(OP_LABELS) as Condition['op'][]).map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      {condition.op === 'eventSeen' && (
        <div className="condition__body">
          <EventTypeInput
            label="Event"
            value={condition.eventType}
            onChange={(eventType) => onChange({ ...condition, eventType })}
          />
          <label className="field">
            On channel
            <select
              value={condition.channel ?? ''}
              onChange={(e) =>
                onChange({
                  ...condition,
                  channel: (e.target.value || undefined) as Extract<Condition, { op: 'eventSeen' }>['channel'],
                })
              }
            >
              <option value="">any</option>
              {channelSchema.options.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {condition.op === 'compare' && <CompareRow condition={condition} onChange={onChange} />}
      {condition.op === 'replyIntent' && <ReplyIntentRow condition={condition} onChange={onChange} />}
      {(condition.op === 'and' || condition.op === 'or') && <GroupRows condition={condition} onChange={onChange} />}
      {condition.op === 'not' && (
        <ConditionEditor
          condition={condition.condition}
          onChange={(inner) => onChange({ op: 'not', condition: inner })}
        />
      )}
    </div>
  );
}
