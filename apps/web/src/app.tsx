import type { ReactElement } from 'react';
import { Link, usePathname } from './router';
import { navPagesFor } from './auth/pages-for-role';
import { SIGN_IN_PATH, useCurrentUser } from './auth/session';
import { UserMenu } from './auth/user-menu';
import { SignInPage } from './pages/sign-in-page';
import { InboxPage } from './pages/inbox-page';
import { CalendarPage } from './pages/calendar-page';
import { DashboardPage } from './pages/dashboard-page';
import { DeadLettersPage } from './pages/dead-letters-page';
import { LeadsPage } from './pages/leads-page';
import { MailPage } from './pages/mail-page';
import { PlaybooksPage } from './pages/playbooks-page';
import { SegmentsPage } from './pages/segments-page';
import { WhatsAppSandboxPage } from './pages/whatsapp-sandbox-page';

const elements: Record<string, ReactElement> = {
  '/leads': <LeadsPage />,
  '/playbooks': <PlaybooksPage />,
  '/segments': <SegmentsPage />,
  '/inbox': <InboxPage />,
  '/dashboard': <DashboardPage />,
  '/calendar': <CalendarPage />,
  '/mail': <MailPage />,
  '/whatsapp-sandbox': <WhatsAppSandboxPage />,
  '/dead-letters': <DeadLettersPage />,
};

export function App() {
  const pathname = usePathname();
  const user = useCurrentUser();
  if (pathname.startsWith(SIGN_IN_PATH)) return <SignInPage />;
  const pages = navPagesFor(user?.role);
  const page = pages.find((p) => pathname.startsWith(p.path)) ?? pages[0]!;
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
      <main className="content">{elements[page.path]}</main>
    </div>
  );
}
