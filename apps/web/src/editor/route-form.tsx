import type { RouteRule } from '@segflow/playbook';
import type { NodeFormProps } from './node-form-props';

type Territory = Extract<RouteRule, { kind: 'territory' }>;

function ruleOfKind(kind: RouteRule['kind'], previous: RouteRule): RouteRule {
  const team = previous.kind === 'territory' ? previous.fallbackTeamId : previous.teamId;
  if (kind === 'territory') return { kind, rules: [{ country: 'IN', teamId: team }], fallbackTeamId: team };
  return kind === 'leastLoaded' ? { kind, teamId: team } : { kind, teamId: team };
}

function TerritoryRows({ rule, onChange }: { rule: Territory; onChange: (rule: Territory) => void }) {
  const setRow = (index: number, patch: Partial<Territory['rules'][number]>) =>
    onChange({ ...rule, rules: rule.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="field">
      <legend>Territories (city wins over country)</legend>
      {rule.rules.map((row, index) => (
        <div className="field__row" key={index}>
          <input
            aria-label="Country"
            placeholder="country"
            value={row.country ?? ''}
            onChange={(e) => setRow(index, { country: e.target.value || undefined })}
          />
          <input
            aria-label="City"
            placeholder="city"
            value={row.city ?? ''}
            onChange={(e) => setRow(index, { city: e.target.value || undefined })}
          />
          <input
            aria-label="Team"
            placeholder="team"
            value={row.teamId}
            onChange={(e) => setRow(index, { teamId: e.target.value })}
          />
          <button
            type="button"
            className="link"
            onClick={() => onChange({ ...rule, rules: rule.rules.filter((_, i) => i !== index) })}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link"
        onClick={() => onChange({ ...rule, rules: [...rule.rules, { country: '', teamId: rule.fallbackTeamId }] })}
      >
        + territory
      </button>
      <label className="field">
        Otherwise team
        <input value={rule.fallbackTeamId} onChange={(e) => onChange({ ...rule, fallbackTeamId: e.target.value })} />
      </label>
    </fieldset>
  );
}

/** Form of a `route` node: which routing rule picks the owner. */
export function RouteForm({ config, onChange }: NodeFormProps<'route'>) {
  const rule = config.rule;
  const setRule = (next: RouteRule) => onChange({ ...config, rule: next });
  return (
    <>
      <label className="field">
        Rule
        <select value={rule.kind} onChange={(e) => setRule(ruleOfKind(e.target.value as RouteRule['kind'], rule))}>
          <option value="roundRobin">round robin in a team</option>
          <option value="leastLoaded">least loaded rep in a team</option>
          <option value="territory">by territory</option>
        </select>
      </label>
      {rule.kind !== 'territory' && (
        <label className="field">
          Team
          <input value={rule.teamId} onChange={(e) => setRule({ ...rule, teamId: e.target.value })} />
        </label>
      )}
      {rule.kind === 'leastLoaded' && (
        <label className="field">
          Skip reps with at least this many open tasks
          <input
            type="number"
            min={1}
            value={rule.capacityCap ?? ''}
            onChange={(e) => setRule({ ...rule, capacityCap: e.target.value ? Number(e.target.value) : undefined })}
          />
        </label>
      )}
      {rule.kind === 'territory' && <TerritoryRows rule={rule} onChange={setRule} />}
    </>
  );
}
