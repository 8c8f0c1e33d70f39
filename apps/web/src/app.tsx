import { Link, usePathname } from './router';
import { SIGN_IN_PATH } from './auth/session';
import { UserMenu } from './auth/user-menu';
import { SignInPage } from './pages/sign-in-page';
import { InboxPage } from './pages/inbox-page';
import { CalendarPage } from './pages/calendar-page';
import { DashboardPage } from './pages/dashboard-page';
import { LeadsPage } from './pages/leads-page';
import { PlaybooksPage } from './pages/playbooks-page';
import { SegmentsPage } from './pages/segments-page';

const pages = [
  { path: '/leads', label: 'Leads', element: <LeadsPage /> },
  { path: '/playbooks', label: 'Playbooks', element: <PlaybooksPage /> },
  { path: '/segments', label: 'Segments', element: <SegmentsPage /> },
  { path: '/inbox', label: 'Inbox', element: <InboxPage /> },
  { path: '/dashboard', label: 'Dashboard', element: <DashboardPage /> },
  { path: '/calendar', label: 'Calendars', element: <CalendarPage /> },
];

export function App() {
  const pathname = usePathname();
  if (pathname.startsWith(SIGN_IN_PATH)) return <SignInPage />;
  const page = pages.find((p) => pathname.startsWith(p.path)) ?? pages[0];
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Segflow</div>
        {pages.map((p) => (
          <Link key={p.path} to={p.path} className={p === page ? 'active' : undefined}>
            {p.label}
          </Link>
        ))}
        <UserMenu />
      </nav>
      <main className="content">{page.element}</main>
    </div>
  );
}
