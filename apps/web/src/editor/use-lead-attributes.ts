import type { LeadAttributeDefinition } from '@segflow/scoring';
import { useQuery } from '@tanstack/react-query';
import { listLeadAttributes } from '../api/admin';
import { queryKeys } from '../query/keys';

const NONE: LeadAttributeDefinition[] = [];

/** The workspace's custom lead attributes (empty while loading): the editor validates and offers them like the API. */
export function useLeadAttributes(): LeadAttributeDefinition[] {
  const { data } = useQuery({ queryKey: queryKeys.leadAttributes.all, queryFn: listLeadAttributes });
  return data ?? NONE;
}
