import type { LeadSummary } from '@segflow/api-contracts';
import { channelSchema, type LeadContext } from '@segflow/playbook';
import { useState } from 'react';
import { listLeads } from '../api/leads';
import { TIME_ZONES, withCurrent } from './time-zones';

function fromRealLead(lead: LeadSummary, base: LeadContext): LeadContext {
  const [firstName, ...rest] = (lead.name ?? '').split(' ');
  return {
    ...base,
    id: lead.id,
    firstName: firstName || undefined,
    lastName: rest.join(' ') || undefined,
    company: lead.company ?? undefined,
    email: lead.email ?? undefined,
    attributes: { ...base.attributes, ...lead.attributes, city: lead.city, country: lead.country },
  };
}

/** The simulated lead: a synthetic one by hand, or a real lead's details loaded from the API. */
export function SimulationLeadForm({
  lead,
  onChange,
  attributesText,
  onAttributes,
}: {
  lead: LeadContext;
  onChange: (lead: LeadContext) => void;
  attributesText: string;
  onAttributes: (text: string) => void;
}) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<LeadSummary[]>([]);
  const [attributes, setAttributes] = useState(attributesText);
  const lookUp = () =>
    listLeads({ search }).then(
      (leads) => setFound(leads.slice(0, 10)),
      () => setFound([]),
    );
  const toggleUnsubscribed = (channel: LeadContext['unsubscribedChannels'][number]) =>
    onChange({
      ...lead,
      unsubscribedChannels: lead.unsubscribedChannels.includes(channel)
        ? lead.unsubscribedChannels.filter((c) => c !== channel)
        : [...lead.unsubscribedChannels, channel],
    });
  return (
    <fieldset className="field">
      <legend>Lead</legend>
      <div className="field__row">
        <input
          aria-label="Find a real lead"
          placeholder="find a real lead…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" onClick={lookUp}>
          Find
        </button>
      </div>
      {found.length > 0 && (
        <select
          aria-label="Use lead"
          onChange={(e) => {
            const picked = found.find((l) => l.id === e.target.value);
            if (picked) onChange(fromRealLead(picked, lead));
          }}
          defaultValue=""
        >
          <option value="" disabled>
            pick a lead…
          </option>
          {found.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name ?? l.externalId} {l.company ? `(${l.company})` : ''}
            </option>
          ))}
        </select>
      )}
      <div className="field__row">
        <label className="field">
          First name
          <input value={lead.firstName ?? ''} onChange={(e) => onChange({ ...lead, firstName: e.target.value })} />
        </label>
        <label className="field">
          Company
          <input value={lead.company ?? ''} onChange={(e) => onChange({ ...lead, company: e.target.value })} />
        </label>
      </div>
      <label className="field">
        Time zone
        <select value={lead.timeZone} onChange={(e) => onChange({ ...lead, timeZone: e.target.value })}>
          {withCurrent(TIME_ZONES, lead.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Segment name
        <input
          value={lead.segment.name}
          onChange={(e) => onChange({ ...lead, segment: { ...lead.segment, name: e.target.value } })}
        />
      </label>
      <label className="field">
        Attributes (key = value per line)
        <textarea
          rows={3}
          value={attributes}
          onChange={(e) => setAttributes(e.target.value)}
          onBlur={() => onAttributes(attributes)}
        />
      </label>
      <div className="weekday-picker" role="group" aria-label="Unsubscribed from">
        Unsubscribed:
        {channelSchema.options.map((c) => (
          <label key={c} className="chip">
            <input
              type="checkbox"
              checked={lead.unsubscribedChannels.includes(c)}
              onChange={() => toggleUnsubscribed(c)}
            />
            {c}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
