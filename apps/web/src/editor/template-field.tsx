import { TEMPLATE_VARIABLES, renderTemplate, type LeadContext } from '@segflow/playbook';
import { useRef } from 'react';
import { templateContextOf } from './preview-lead';

/** A message template with a variable picker and a live preview rendered for a sample lead. */
export function TemplateField({ label, value, multiline, lead, onChange }: { label: string; value: string; multiline?: boolean; lead: LeadContext; onChange: (value: string) => void }) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const insert = (name: string) => {
    const element = ref.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const token = `{{${name}}}`;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const preview = renderTemplate(value, templateContextOf(lead));
  return (
    <div className="field template-field">
      <label>
        {label}
        {multiline ? (
          <textarea ref={ref} rows={5} value={value} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input ref={ref} value={value} onChange={(e) => onChange(e.target.value)} />
        )}
      </label>
      <div className="variable-picker" aria-label={`Insert variable into ${label}`}>
        {TEMPLATE_VARIABLES.map((v) => (
          <button key={v.name} type="button" className="chip" title={v.description} onClick={() => insert(v.name)}>
            {v.name}
          </button>
        ))}
      </div>
      <div className="template-preview" aria-label={`${label} preview`}>
        <small className="muted">Preview for {lead.firstName ?? 'the sample lead'}:</small>
        <div>{preview || <span className="muted">(empty)</span>}</div>
      </div>
    </div>
  );
}
