import { FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { Lead, createLead, listLeads } from '../api/leads';

const emptyForm = { externalId: '', name: '', email: '', company: '', city: '' };

export function LeadsPage() {
  const [leads, setLeads] = useState<Lead[]>([]);
  const [form, setForm] = useState(emptyForm);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => listLeads().then(setLeads, (e: Error) => setError(e.message)), []);
  useEffect(() => void refresh(), [refresh]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const lead = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    try {
      await createLead(lead as typeof emptyForm);
      setForm(emptyForm);
      await refresh();
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues.map((i) => `${i.field}: ${i.reason}`).join('; ') : '';
      setError(issues || (e as Error).message);
    }
  };

  return (
    <section>
      <h1>Leads</h1>
      <form className="card inline-form" onSubmit={submit} aria-label="New lead">
        {(Object.keys(emptyForm) as (keyof typeof emptyForm)[]).map((field) => (
          <label key={field}>
            {field}
            <input name={field} value={form[field]} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
          </label>
        ))}
        <button type="submit">Add lead</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      <table className="table" aria-label="Leads">
        <thead>
          <tr><th>Name</th><th>Company</th><th>Email</th><th>City</th><th>External id</th><th>Intake</th></tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr key={lead.id}>
              <td>{lead.name}</td><td>{lead.company}</td><td>{lead.email}</td><td>{lead.city}</td>
              <td>{lead.externalId}</td><td>{lead.intakeRecordedAt ? 'recorded' : 'pending'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {leads.length === 0 && <p className="muted">No leads yet.</p>}
    </section>
  );
}
