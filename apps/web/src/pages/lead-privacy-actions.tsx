import { useMutation, useQueryClient } from '@tanstack/react-query';
import { eraseLead, leadExportUrl } from '../api/leads';
import { queryKeys } from '../query/keys';

/** An admin's data-subject actions on a lead: download everything held about it, or erase its personal data. */
export function LeadPrivacyActions({ leadId }: { leadId: string }) {
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => eraseLead(leadId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.leads.all }),
  });
  const confirmAndErase = () => {
    if (window.confirm('Erase this lead’s personal data everywhere and stop its runs? This cannot be undone.'))
      erase.mutate();
  };
  return (
    <div className="card inline-form" role="group" aria-label="Privacy">
      <a href={leadExportUrl(leadId)} download={`lead-${leadId}.json`}>
        Download data (JSON)
      </a>
      <button type="button" onClick={confirmAndErase} disabled={erase.isPending || erase.isSuccess}>
        {erase.isPending ? 'Erasing…' : erase.isSuccess ? 'Erased' : 'Erase personal data'}
      </button>
      {erase.error && (
        <p role="alert" className="error">
          {erase.error.message}
        </p>
      )}
    </div>
  );
}
