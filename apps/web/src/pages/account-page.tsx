import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { changeOwnPassword } from '../api/admin';
import { useCurrentUser } from '../auth/session';

/** `/account` (everyone): who is signed in, and a password change that signs out every other session. */
export function AccountPage() {
  const user = useCurrentUser();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({ mutationFn: changeOwnPassword });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get('newPassword'));
    setMismatch(newPassword !== String(form.get('repeat')));
    if (newPassword !== String(form.get('repeat'))) return;
    change.mutate({ currentPassword: String(form.get('currentPassword')), newPassword });
    event.currentTarget.reset();
  };

  return (
    <section>
      <h1>Account</h1>
      {user && (
        <p>
          {user.name} · {user.email} · {user.role}
        </p>
      )}
      <h2>Change password</h2>
      <form className="stacked-form" aria-label="Change password" onSubmit={onSubmit}>
        <label>
          Current password
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
        <label>
          New password (at least 8 characters)
          <input name="newPassword" type="password" autoComplete="new-password" minLength={8} required />
        </label>
        <label>
          New password again
          <input name="repeat" type="password" autoComplete="new-password" minLength={8} required />
        </label>
        <button type="submit" disabled={change.isPending}>
          Change password
        </button>
      </form>
      {mismatch && (
        <p role="alert" className="error">
          The two new passwords differ.
        </p>
      )}
      {change.error && (
        <p role="alert" className="error">
          {change.error.message}
        </p>
      )}
      {change.isSuccess && (
        <p role="status">Password changed. Your other sessions (other browsers and devices) are signed out.</p>
      )}
    </section>
  );
}
