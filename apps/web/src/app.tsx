import { Navigate, NavLink, Outlet } from 'react-router-dom';
import { navPagesFor } from './auth/pages-for-role';
import { homePathOf, useCurrentUser } from './auth/session';
import { UserMenu } from './auth/user-menu';

/** The signed-in layout: the navigation the user's role may use, and the page of the current route. */
export function Shell() {
  const user = useCurrentUser();
  const pages = navPagesFor(user?.role);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Segflow</div>
        {pages.map((p) => (
          <NavLink key={p.path} to={p.path} className={({ isActive }) => (isActive ? 'active' : undefined)}>
            {p.label}
          </NavLink>
        ))}
        <UserMenu />
      </nav>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}

/** `/` (and unknown paths): the role's home page once the user is known. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return user ? <Navigate to={homePathOf(user.role)} replace /> : null;
}
