import type { SandboxMessage } from '@segflow/api-contracts';
import './pages.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ApiError } from '../api/http';
import { answerAsLead, listSandboxConversations, openSandboxConversation } from '../api/whatsapp-sandbox';
import { queryKeys } from '../query/keys';
import { describeAnswerOutcome, messageToAnswer } from './whatsapp-sandbox-thread';

/** The sandbox has no stream: conversations and the open thread are re-read this often. */
const SANDBOX_REFRESH_MS = 3000;

const STATUS_TICKS: Record<SandboxMessage['status'], string> = {
  accepted: '🕓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓ read',
  received: '',
};

/**
 * The WhatsApp sandbox (npm start without WHATSAPP_ACCESS_TOKEN): what Segflow "sent" on WhatsApp, per lead phone,
 * and a box to answer as the lead — posted to our webhook, signed, exactly as Meta would post it.
 */
export function WhatsAppSandboxPage() {
  const [phone, setPhone] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setError] = useState<string | null>(null);
  const listed = useQuery({
    queryKey: queryKeys.whatsappSandbox.all,
    queryFn: listSandboxConversations,
    refetchInterval: SANDBOX_REFRESH_MS,
  });
  const thread = useQuery({
    queryKey: queryKeys.whatsappSandbox.conversation(phone ?? ''),
    queryFn: () => openSandboxConversation(phone!),
    enabled: phone !== null,
    refetchInterval: SANDBOX_REFRESH_MS,
  });
  const conversations = listed.data ?? null;
  const messages = phone === null ? [] : (thread.data ?? []);
  const loadError = listed.error ?? thread.error;
  const error =
    failure ??
    (loadError &&
      (loadError instanceof ApiError && loadError.status === 404
        ? 'The WhatsApp sandbox is off: Segflow is talking to Meta (WHATSAPP_ACCESS_TOKEN is set).'
        : loadError.message));
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.whatsappSandbox.all });

  const send = async (body: string) => {
    if (!phone || !body.trim()) return;
    try {
      const outcome = await answerAsLead(phone, body.trim(), messageToAnswer(messages)?.wamid ?? null);
      setNotice(describeAnswerOutcome(outcome));
      setText('');
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(text);
  };

  return (
    <section>
      <h1>WhatsApp sandbox</h1>
      <p className="muted">
        SANDBOX — nothing here reaches a real phone. The worker sends through the same Cloud API client it uses with
        Meta; the sandbox answers like Meta and reports back through signed webhooks.
      </p>
      {error && <p className="error">{error}</p>}
      <div className="wa-sandbox">
        <ul className="wa-sandbox__list" aria-label="Sandbox conversations">
          {conversations?.length === 0 && <li className="muted">No WhatsApp touches yet.</li>}
          {conversations?.map((c) => (
            <li key={c.phone}>
              <button
                type="button"
                className={c.phone === phone ? '' : 'secondary'}
                onClick={() => {
                  setPhone(c.phone);
                  setNotice(null);
                }}
              >
                {c.leadName ?? 'Unknown lead'}{' '}
                <span className="muted">
                  {c.phone} · {c.messages}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {phone && (
          <div className="wa-sandbox__thread card" aria-label={`Sandbox conversation with ${phone}`}>
            {messages.map((m) => (
              <div key={m.wamid} className={`wa-bubble wa-bubble--${m.direction}`}>
                {m.body}
                <span className="muted wa-bubble__meta">
                  {new Date(m.createdAt).toLocaleTimeString()} {STATUS_TICKS[m.status]}
                </span>
              </div>
            ))}
            <form className="inline-form" onSubmit={onSubmit}>
              <input
                aria-label="Answer as the lead"
                placeholder="Answer as the lead…"
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={4096}
              />
              <button type="submit">Answer as the lead</button>
              <button type="button" className="secondary" onClick={() => void send('STOP')}>
                STOP
              </button>
            </form>
            {notice && <p className="muted">{notice}</p>}
          </div>
        )}
      </div>
    </section>
  );
}
