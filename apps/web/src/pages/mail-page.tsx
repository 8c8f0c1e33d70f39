import './pages.css';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { getSandboxMail, listSandboxMail, replyAsLead, SANDBOX_MAIL_PAGE_SIZE } from '../api/sandbox-mail';
import { Link, useParams } from 'react-router-dom';
import { queryKeys } from '../query/keys';

/**
 * `/mail`: the sandbox mailbox — every email Segflow sent while the embedded mail server catches mail instead of
 * delivering it (`npm start` without SMTP_URL) — and `/mail/:id`, one message with a "reply as the lead" box.
 */
export function MailPage() {
  const { mailId } = useParams();
  return (
    <section>
      <h1>
        Mail <span className="sandbox-badge">Sandbox mailbox</span>
      </h1>
      <p className="muted">Caught by the sandbox mail server: nothing here was delivered to anyone.</p>
      {mailId ? <MailMessage id={mailId} /> : <MailList />}
    </section>
  );
}

function MailList() {
  const [offset, setOffset] = useState(0);
  const { data: mail, error } = useQuery({
    queryKey: queryKeys.sandboxMail.page(offset),
    queryFn: () => listSandboxMail(offset),
  });
  if (error)
    return (
      <p role="alert" className="error">
        {error.message}
      </p>
    );
  if (!mail) return <p className="muted">Loading…</p>;
  return (
    <>
      <table className="table" aria-label="Sandbox mailbox">
        <thead>
          <tr>
            <th>Received</th>
            <th>From</th>
            <th>To</th>
            <th>Subject</th>
          </tr>
        </thead>
        <tbody>
          {mail.map((m) => (
            <tr key={m.id}>
              <td>{new Date(m.receivedAt).toLocaleString()}</td>
              <td>{m.fromAddress}</td>
              <td>{m.toAddresses}</td>
              <td>
                <Link to={`/mail/${m.id}`}>{m.subject || '(no subject)'}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mail.length === 0 && <p className="muted">No mail caught yet.</p>}
      <div className="inline-form">
        {offset > 0 && (
          <button type="button" onClick={() => setOffset(Math.max(0, offset - SANDBOX_MAIL_PAGE_SIZE))}>
            Newer
          </button>
        )}
        {mail.length === SANDBOX_MAIL_PAGE_SIZE && (
          <button type="button" onClick={() => setOffset(offset + SANDBOX_MAIL_PAGE_SIZE)}>
            Older
          </button>
        )}
      </div>
    </>
  );
}

function MailMessage({ id }: { id: string }) {
  const { data: mail, error } = useQuery({
    queryKey: queryKeys.sandboxMail.detail(id),
    queryFn: () => getSandboxMail(id),
  });
  if (error)
    return (
      <p role="alert" className="error">
        {error.message}
      </p>
    );
  if (!mail) return <p className="muted">Loading…</p>;
  return (
    <article className="mail-message">
      <p>
        <Link to="/mail">← All caught mail</Link>
      </p>
      <h2>{mail.subject || '(no subject)'}</h2>
      <dl className="mail-meta">
        <dt>From</dt>
        <dd>{mail.fromAddress}</dd>
        <dt>To</dt>
        <dd>{mail.toAddresses}</dd>
        {mail.replyTo && (
          <>
            <dt>Reply-To</dt>
            <dd>{mail.replyTo}</dd>
          </>
        )}
        <dt>Received</dt>
        <dd>{new Date(mail.receivedAt).toLocaleString()}</dd>
      </dl>
      {mail.html !== null && (
        // sandbox="" : no scripts, no forms, no navigation, a unique origin; the mail's HTML can only be looked at.
        <iframe className="mail-html" title="HTML part" sandbox="" srcDoc={mail.html} />
      )}
      <h3>Text part</h3>
      <pre className="mail-text" aria-label="Text part">
        {mail.text ?? '(none)'}
      </pre>
      <ReplyBox id={id} to={mail.replyTo ?? mail.fromAddress} />
      <details>
        <summary>Headers</summary>
        <pre className="mail-text" aria-label="Headers">
          {mail.headers.map(([, line]) => line).join('\n')}
        </pre>
      </details>
    </article>
  );
}

function ReplyBox({ id, to }: { id: string; to: string | null }) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    try {
      await replyAsLead(id, text);
      setText('');
      setStatus({ ok: true, message: 'Reply sent over SMTP; it comes back in as the lead’s reply.' });
    } catch (e) {
      setStatus({ ok: false, message: (e as Error).message });
    }
  };
  return (
    <form className="card mail-reply" onSubmit={submit} aria-label="Reply as the lead">
      <h3>Reply as the lead</h3>
      <p className="muted">
        Sends a real email from the lead’s address to {to ?? 'the sender'}, threaded to this message.
      </p>
      <textarea
        aria-label="Reply text"
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Haan ji, let’s talk tomorrow."
      />
      <button type="submit" disabled={text.trim() === ''}>
        Send reply
      </button>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'muted' : 'error'}>
          {status.message}
        </p>
      )}
    </form>
  );
}
