import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useParams, type RouteObject } from 'react-router-dom';
import { Shell, HomeRedirect } from './app';
import { SignInPage } from './pages/sign-in-page';
import { AuditPage } from './pages/audit-page';
import { InboxPage } from './pages/inbox-page';
import { CalendarPage } from './pages/calendar-page';
import { DeadLettersPage } from './pages/dead-letters-page';
import { LeadDetailPage } from './pages/lead-detail-page';
import { LeadsListPage } from './pages/leads-list-page';
import { LookalikesPage } from './pages/lookalikes-page';
import { LeadImportPage } from './pages/lead-import-page';
import { MailPage } from './pages/mail-page';
import { PlaybookEditorPage } from './pages/playbook-editor-page';
import { PlaybooksListPage } from './pages/playbooks-list-page';
import { RuleSegmentsPage } from './pages/rule-segments-page';
import { SegmentsPage } from './pages/segments-page';
import { WhatsAppSandboxPage } from './pages/whatsapp-sandbox-page';
import { AccountPage } from './pages/account-page';
import { AdminApiKeysPage } from './pages/admin-api-keys-page';
import { AdminChannelsPage } from './pages/admin-channels-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { AdminSlaPoliciesPage } from './pages/admin-sla-policies-page';
import { AdminTeamsPage } from './pages/admin-teams-page';
import { AdminLeadAttributesPage } from './pages/admin-lead-attributes-page';
import { SIGN_IN_PATH } from './auth/session';
import './pages/pages.css';

// The dashboard's chart library is the app's largest dependency: loaded only when a manager opens the page.
const DashboardPage = lazy(() => import('./pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));

function DashboardRoute() {
  return (
    <Suspense fallback={<p className="muted">Loading the dashboard…</p>}>
      <DashboardPage />
    </Suspense>
  );
}

function LeadRoute() {
  return <LeadDetailPage leadId={useParams().leadId!} />;
}

function PlaybookRoute() {
  const { playbookId } = useParams();
  // A new playbook id is a new editor: no state of the previous one carries over.
  return <PlaybookEditorPage key={playbookId} playbookId={playbookId!} />;
}

/**
 * Every page of the app. A data router, so `useBlocker` can hold a navigation (in-app links and the Back button)
 * while the playbook editor has unsaved changes.
 */
export const ROUTES: RouteObject[] = [
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'leads', element: <LeadsListPage /> },
      { path: 'leads/import', element: <LeadImportPage /> },
      { path: 'leads/:leadId', element: <LeadRoute /> },
      { path: 'playbooks', element: <PlaybooksListPage /> },
      { path: 'playbooks/:playbookId', element: <PlaybookRoute /> },
      { path: 'segments', element: <SegmentsPage /> },
      { path: 'lookalikes', element: <LookalikesPage /> },
      { path: 'rule-segments', element: <RuleSegmentsPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'dashboard', element: <DashboardRoute /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'mail/:mailId?', element: <MailPage /> },
      { path: 'whatsapp-sandbox', element: <WhatsAppSandboxPage /> },
      { path: 'dead-letters', element: <DeadLettersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'admin/api-keys', element: <AdminApiKeysPage /> },
      { path: 'admin/channels', element: <AdminChannelsPage /> },
      { path: 'admin/sla-policies', element: <AdminSlaPoliciesPage /> },
      { path: 'admin/teams', element: <AdminTeamsPage /> },
      { path: 'admin/lead-attributes', element: <AdminLeadAttributesPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(ROUTES);
