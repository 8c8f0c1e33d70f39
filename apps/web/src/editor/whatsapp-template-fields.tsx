import type { LeadContext, WhatsAppTemplate } from '@segflow/playbook';
import { TemplateField } from './template-field';
import { EMPTY_WHATSAPP_TEMPLATE, outsideWindowOutcome, WHATSAPP_WINDOW_NOTE } from './whatsapp-template-config';

/** The WhatsApp template of a send node: Meta's template name and language, and its body parameters as templates. */
export function WhatsAppTemplateFields({
  template,
  lead,
  onChange,
}: {
  template: WhatsAppTemplate | undefined;
  lead: LeadContext;
  onChange: (template: WhatsAppTemplate | undefined) => void;
}) {
  const setParameter = (index: number, value: string) =>
    template && onChange({ ...template, parameters: template.parameters.map((p, i) => (i === index ? value : p)) });
  return (
    <fieldset className="field">
      <legend>WhatsApp template</legend>
      <p className="muted">{WHATSAPP_WINDOW_NOTE}</p>
      <label className="calendar-check">
        <input
          type="checkbox"
          checked={Boolean(template)}
          onChange={(e) => onChange(e.target.checked ? EMPTY_WHATSAPP_TEMPLATE : undefined)}
        />
        Use an approved template outside the window
      </label>
      {template && (
        <>
          <label className="field">
            Template name (as approved in WhatsApp Manager)
            <input
              value={template.name}
              placeholder="intro_followup"
              onChange={(e) => onChange({ ...template, name: e.target.value })}
            />
          </label>
          <label className="field">
            Language code
            <input
              value={template.language}
              placeholder="en, en_US, hi"
              onChange={(e) => onChange({ ...template, language: e.target.value })}
            />
          </label>
          {template.parameters.map((parameter, index) => (
            <div key={index}>
              <TemplateField
                label={`Body parameter {{${index + 1}}}`}
                value={parameter}
                lead={lead}
                onChange={(value) => setParameter(index, value)}
              />
              <button
                type="button"
                className="secondary"
                onClick={() => onChange({ ...template, parameters: template.parameters.filter((_, i) => i !== index) })}
              >
                Remove {`{{${index + 1}}}`}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ ...template, parameters: [...template.parameters, '{{lead.firstName}}'] })}
          >
            Add body parameter
          </button>
        </>
      )}
      <p className="muted">{outsideWindowOutcome(template)}</p>
    </fieldset>
  );
}
