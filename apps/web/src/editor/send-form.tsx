import { channelSchema, type SendConfig } from '@segflow/playbook';
import type { NodeFormProps } from './node-form-props';
import { TemplateField } from './template-field';
import { WhatsAppTemplateFields } from './whatsapp-template-fields';
import { withChannel } from './whatsapp-template-config';

/** Form of a `send` node: channel, subject and optional HTML (email only), body, WhatsApp template (WhatsApp only), sender, failure handling. */
export function SendForm({ config, onChange, lead }: NodeFormProps<'send'>) {
  const set = (patch: Partial<SendConfig>) => onChange({ ...config, ...patch });
  const setChannel = (channel: SendConfig['channel']) => onChange(withChannel(config, channel));
  return (
    <>
      <label className="field">
        Channel
        <select value={config.channel} onChange={(e) => setChannel(e.target.value as SendConfig['channel'])}>
          {channelSchema.options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {config.channel === 'linkedin' && <p className="muted">LinkedIn messages become a task for the owner to send.</p>}
      {config.channel === 'email' && (
        <TemplateField
          label="Subject"
          value={config.subject ?? ''}
          lead={lead}
          onChange={(subject) => set({ subject })}
        />
      )}
      <TemplateField label="Message" multiline value={config.body} lead={lead} onChange={(body) => set({ body })} />
      {config.channel === 'whatsapp' && (
        <WhatsAppTemplateFields
          template={config.whatsappTemplate}
          lead={lead}
          onChange={(whatsappTemplate) => onChange(withChannel({ ...config, whatsappTemplate }, 'whatsapp'))}
        />
      )}
      {config.channel === 'email' && (
        <TemplateField
          label="HTML (optional: without it the message above is sent as HTML too)"
          multiline
          format="html"
          value={config.html ?? ''}
          lead={lead}
          onChange={(html) => set({ html: html === '' ? undefined : html })}
        />
      )}
      <label className="field">
        Send as
        <select
          value={config.sender.kind}
          onChange={(e) =>
            set({
              sender:
                e.target.value === 'owner' ? { kind: 'owner' } : { kind: 'fixed', name: 'Segflow team', address: '' },
            })
          }
        >
          <option value="owner">the lead's owner</option>
          <option value="fixed">a fixed sender</option>
        </select>
      </label>
      {config.sender.kind === 'fixed' && (
        <>
          <label className="field">
            Sender name
            <input
              value={config.sender.name}
              onChange={(e) =>
                set({
                  sender: {
                    kind: 'fixed',
                    name: e.target.value,
                    address: config.sender.kind === 'fixed' ? config.sender.address : '',
                  },
                })
              }
            />
          </label>
          <label className="field">
            Sender address / number
            <input
              value={config.sender.address}
              onChange={(e) =>
                set({
                  sender: {
                    kind: 'fixed',
                    name: config.sender.kind === 'fixed' ? config.sender.name : '',
                    address: e.target.value,
                  },
                })
              }
            />
          </label>
        </>
      )}
      <label className="field">
        If delivery fails
        <select
          value={config.onFailure}
          onChange={(e) => set({ onFailure: e.target.value as SendConfig['onFailure'] })}
        >
          <option value="skip">carry on (Sent path)</option>
          <option value="followFailedEdge">follow the Failed path</option>
          <option value="exit">end the run</option>
        </select>
      </label>
    </>
  );
}
