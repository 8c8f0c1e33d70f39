import './auth.css';
import { Link } from 'react-router-dom';
import { SIGN_IN_PATH, signOut, useCurrentUser } from './session';

/** Who is signed in, and a sign-out button; shown at the foot of the sidebar. */
export function UserMenu() {
  const user = useCurrentUser();
  if (!user) return null;
  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    window.location.assign(SIGN_IN_PATH);
  };
  return (
    <div className="user-menu" aria-label="Signed in user">
      <span>{user.name}</span>
      <span className="muted">{user.role}</span>
      <Link to="/account">Account</Link>
      <button type="button" onClick={onSignOut}>
        Sign out
      </button>
    </div>
  );
}
