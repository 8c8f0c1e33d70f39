import { TEMPLATE_VARIABLES, renderHtmlTemplate, renderTemplate, type LeadContext } from '@segflow/playbook';
import { useRef } from 'react';
import { templateContextOf } from './preview-lead';
import { useLeadAttributes } from './use-lead-attributes';

/**
 * A message template with a variable picker and a live preview rendered for a sample lead by the engine the worker
 * uses; an HTML template previews rendered (values escaped) in a sandboxed frame that runs no script.
 */
export function TemplateField({
  label,
  value,
  multiline,
  format = 'text',
  lead,
  onChange,
}: {
  label: string;
  value: string;
  multiline?: boolean;
  format?: 'text' | 'html';
  lead: LeadContext;
  onChange: (value: string) => void;
}) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const attributes = useLeadAttributes();
  const insert = (name: string) => {
    const element = ref.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const token = `{{ ${name} }}`;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const preview = (format === 'html' ? renderHtmlTemplate : renderTemplate)(value, templateContextOf(lead));
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
        {[
          ...TEMPLATE_VARIABLES,
          ...attributes.map((a) => ({ name: `lead.attributes.${a.key}`, description: `${a.label} (${a.type})` })),
        ].map((v) => (
          <button key={v.name} type="button" className="chip" title={v.description} onClick={() => insert(v.name)}>
            {v.name}
          </button>
        ))}
      </div>
      <div className="template-preview" aria-label={`${label} preview`}>
        <small className="muted">Preview for {lead.firstName ?? 'the sample lead'}:</small>
        {format === 'html' && preview ? (
          <iframe sandbox="" srcDoc={preview} title={`${label} preview`} className="html-preview" />
        ) : (
          <div>{preview || <span className="muted">(empty)</span>}</div>
        )}
      </div>
    </div>
  );
}
