import type { DrillDownLead } from '../api/dashboards';
import { formatMinutes } from '../figures/format';

/** The leads behind the summary row picked in the URL. */
export function DrillDownTable({
  label,
  leads,
  breached,
  onClose,
}: {
  label: string;
  leads: DrillDownLead[];
  breached: boolean;
  onClose: () => void;
}) {
  return (
    <div className="card">
      <h2>
        {breached ? 'Breached leads' : 'Leads'} behind “{label}”{' '}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </h2>
      <table className="table" aria-label="Drill-down">
        <thead>
          <tr>
            <th>Lead</th>
            <th>Segment</th>
            <th>Rep</th>
            <th>Entered</th>
            <th>First touch</th>
            <th>TTFT</th>
            <th>Breached</th>
          </tr>
        </thead>
        <tbody>
          {leads.map((l) => (
            <tr key={`${l.leadId}-${l.enteredAt}`}>
              <td>
                <a href={`/leads/${l.leadId}`}>{l.leadName}</a>
              </td>
              <td>{l.segmentName}</td>
              <td>{l.repName ?? '—'}</td>
              <td>{new Date(l.enteredAt).toLocaleString()}</td>
              <td>{l.firstTouchAt ? new Date(l.firstTouchAt).toLocaleString() : '—'}</td>
              <td>{formatMinutes(l.ttftMs)}</td>
              <td>{l.breached ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
