import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchVersionDelivery } from '../api/dashboards';
import { getVersionAnalytics, listVersions } from '../api/playbooks';
import { queryKeys } from '../query/keys';

/**
 * The published versions of a playbook and, for the version picked in the toolbar, its per-node run counts and
 * delivery figures (the canvas overlays). Nothing is picked at first: the canvas shows the draft alone.
 */
export function useVersionFigures(playbookId: string) {
  const [analyticsVersion, setAnalyticsVersion] = useState<number | null>(null);
  const versions = useQuery({
    queryKey: queryKeys.playbooks.versions(playbookId),
    queryFn: () => listVersions(playbookId),
  });
  const picked = analyticsVersion ?? 0;
  const analytics = useQuery({
    queryKey: queryKeys.playbooks.analytics(playbookId, picked),
    queryFn: () => getVersionAnalytics(playbookId, picked),
    enabled: analyticsVersion !== null,
  });
  const delivery = useQuery({
    queryKey: queryKeys.playbooks.delivery(playbookId, picked),
    queryFn: () => fetchVersionDelivery(playbookId, picked),
    enabled: analyticsVersion !== null,
  });
  const failure = analytics.error
    ? `Analytics: ${analytics.error.message}`
    : delivery.error
      ? `Delivery figures: ${delivery.error.message}`
      : null;
  return {
    versions: versions.data ?? [],
    analyticsVersion,
    setAnalyticsVersion,
    analytics: analyticsVersion === null ? [] : (analytics.data ?? []),
    delivery: analyticsVersion === null ? [] : (delivery.data ?? []),
    failure,
  };
}
