import type { LeadAttributeValue } from '@segflow/scoring';
import { useQuery } from '@tanstack/react-query';
import { listLeadAttributes } from '../api/admin';
import { queryKeys } from '../query/keys';
import { attributeRows } from './lead-attribute-values';

/** A lead's custom attribute values, labelled by the workspace schema; nothing when it holds none. */
export function LeadAttributesCard({ values }: { values: Record<string, LeadAttributeValue> }) {
  const { data: schema } = useQuery({ queryKey: queryKeys.leadAttributes.all, queryFn: listLeadAttributes });
  const rows = attributeRows(values, schema ?? []);
  if (rows.length === 0) return null;
  return (
    <dl className="card lead-attributes" aria-label="Attributes">
      {rows.map((row) => (
        <div key={row.key}>
          <dt>{row.label}</dt>
          <dd data-testid={`attribute-${row.key}`}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
