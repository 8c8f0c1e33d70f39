import { FormEvent, useState } from 'react';
import { ApiError } from '../api/http';
import '../auth/auth.css';
import { pathAfterSignIn, signIn } from '../auth/session';

/** `/sign-in`: email and password; on success goes back to `next` or the role's home page. */
export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await signIn(email, password);
      // A full load, so every page starts with the new session's data.
      window.location.assign(pathAfterSignIn(window.location.search, user.role));
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 401 ? 'Wrong email or password.' : (caught as Error).message,
      );
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card sign-in__form" onSubmit={onSubmit} aria-label="Sign in">
        <h1>Segflow</h1>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
