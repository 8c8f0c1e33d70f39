import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadAttributeDto, UpdateLeadAttributeRequest } from '@segflow/api-contracts';
import { LEAD_ATTRIBUTE_LIMITS, LEAD_ATTRIBUTE_TYPES, type LeadAttributeType } from '@segflow/scoring';
import { useState, type FormEvent } from 'react';
import { createLeadAttribute, deleteLeadAttribute, listLeadAttributes, updateLeadAttribute } from '../api/admin';
import { ApiError } from '../api/http';
import { queryKeys } from '../query/keys';
import { parseEnumValues } from './lead-attribute-values';

/** The API's reason with the fields it names (a 400 names `values.0`, a 409 gives the count of leads holding values). */
function messageOf(error: Error | null | undefined): string | undefined {
  if (!error) return undefined;
  const issues = error instanceof ApiError ? error.issues.map((i) => `${i.field}: ${i.reason}`) : [];
  return [error.message, ...issues].join(' — ');
}

function AttributeRow({
  attribute,
  onUpdate,
  onDelete,
}: {
  attribute: LeadAttributeDto;
  onUpdate: (changes: UpdateLeadAttributeRequest) => void;
  onDelete: () => void;
}) {
  const { key, label, type, values, leadsWithValue } = attribute;
  return (
    <tr>
      <td>
        <code>{key}</code>
      </td>
      <td>
        <input
          aria-label={`Label of ${key}`}
          defaultValue={label}
          onBlur={(e) => {
            const next = e.target.value.trim();
            if (next && next !== label) onUpdate({ label: next });
          }}
        />
      </td>
      <td>
        <select
          aria-label={`Type of ${key}`}
          value={type}
          onChange={(e) => {
            const next = e.target.value as LeadAttributeType;
            onUpdate(next === 'enum' ? { type: next, values: values.length ? values : ['other'] } : { type: next });
          }}
        >
          {LEAD_ATTRIBUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </td>
      <td>
        {type === 'enum' ? (
          <input
            aria-label={`Values of ${key}`}
            defaultValue={values.join(', ')}
            onBlur={(e) => {
              const next = parseEnumValues(e.target.value);
              if (next.join(',') !== values.join(',')) onUpdate({ values: next });
            }}
          />
        ) : (
          '—'
        )}
      </td>
      <td>{leadsWithValue}</td>
      <td>
        <button type="button" className="link" onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/**
 * `/admin/lead-attributes` (admin): the workspace's custom lead attributes, which `POST /api/leads` accepts, templates
 * read as `{{ lead.attributes.<key> }}` and branches compare. Changing the type of an attribute leads hold values for
 * is refused by the API; deleting one with values asks first and removes the values with it.
 */
export function AdminLeadAttributesPage() {
  const queryClient = useQueryClient();
  const [type, setType] = useState<LeadAttributeType>('text');
  const { data: attributes, error: loadError } = useQuery({
    queryKey: queryKeys.leadAttributes.all,
    queryFn: listLeadAttributes,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.leadAttributes.all });
  const create = useMutation({ mutationFn: createLeadAttribute, onSuccess: refresh });
  const update = useMutation({
    mutationFn: ({ key, changes }: { key: string; changes: UpdateLeadAttributeRequest }) =>
      updateLeadAttribute(key, changes),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ key, dropValues }: { key: string; dropValues: boolean }) =>
      deleteLeadAttribute(key, dropValues ? { dropValues: 'true' } : {}),
    onSuccess: refresh,
  });
  const error = messageOf(create.error ?? update.error ?? remove.error ?? loadError);

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      key: String(form.get('key')).trim(),
      label: String(form.get('label')).trim(),
      type,
      ...(type === 'enum' ? { values: parseEnumValues(String(form.get('values') ?? '')) } : {}),
    });
    event.currentTarget.reset();
    setType('text');
  };
  const onDelete = (a: LeadAttributeDto) => {
    const question =
      a.leadsWithValue > 0
        ? `${a.leadsWithValue} lead(s) hold a value for ${a.key}. Delete the attribute and those values?`
        : `Delete the attribute ${a.key}?`;
    if (window.confirm(question)) remove.mutate({ key: a.key, dropValues: a.leadsWithValue > 0 });
  };

  return (
    <section>
      <h1>Lead attributes</h1>
      <p className="muted">
        Typed fields leads carry beside the built-in ones: sent as <code>attributes</code> to{' '}
        <code>POST /api/leads</code>, read in messages as <code>{'{{ lead.attributes.key }}'}</code> and in branch
        conditions. At most {LEAD_ATTRIBUTE_LIMITS.attributes} attributes; text values up to{' '}
        {LEAD_ATTRIBUTE_LIMITS.textLength} characters; dates as YYYY-MM-DD.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form className="inline-form" aria-label="New attribute" onSubmit={onCreate}>
        <input
          name="key"
          placeholder="key, e.g. plan"
          aria-label="Attribute key"
          required
          pattern="[a-z][a-z0-9_]{0,39}"
        />
        <input
          name="label"
          placeholder="Label"
          aria-label="Attribute label"
          required
          maxLength={LEAD_ATTRIBUTE_LIMITS.labelLength}
        />
        <select aria-label="Attribute type" value={type} onChange={(e) => setType(e.target.value as LeadAttributeType)}>
          {LEAD_ATTRIBUTE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {type === 'enum' && (
          <input name="values" placeholder="allowed values, comma-separated" aria-label="Allowed values" required />
        )}
        <button type="submit" disabled={create.isPending}>
          Add attribute
        </button>
      </form>
      <table className="table" aria-label="Lead attributes">
        <thead>
          <tr>
            <th>Key</th>
            <th>Label</th>
            <th>Type</th>
            <th>Allowed values</th>
            <th>Leads with a value</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(attributes ?? []).map((a) => (
            <AttributeRow
              key={a.key}
              attribute={a}
              onUpdate={(changes) => update.mutate({ key: a.key, changes })}
              onDelete={() => onDelete(a)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}
