import type { Role } from './session';

/** A page of the main navigation and the roles the API serves it to (admins see every page). */
export interface NavPage {
  path: string;
  label: string;
  roles: readonly Role[];
}

/** The main navigation; each page lists the roles whose API calls behind it succeed, so nobody lands on a 403. */
export const NAV_PAGES: readonly NavPage[] = [
  { path: '/leads', label: 'Leads', roles: ['ops', 'manager', 'rep'] },
  { path: '/playbooks', label: 'Playbooks', roles: ['ops', 'manager'] },
  { path: '/segments', label: 'Segments', roles: ['ops', 'manager'] },
  { path: '/inbox', label: 'Inbox', roles: ['rep', 'manager'] },
  { path: '/dashboard', label: 'Dashboard', roles: ['manager'] },
  { path: '/calendar', label: 'Calendars', roles: ['rep', 'manager'] },
  { path: '/mail', label: 'Mail', roles: ['ops', 'manager'] },
  { path: '/whatsapp-sandbox', label: 'WhatsApp sandbox', roles: ['ops', 'manager'] },
  { path: '/dead-letters', label: 'Dead letters', roles: ['ops'] },
  { path: '/audit', label: 'Audit log', roles: ['ops'] },
];

/** The pages a role sees in the navigation; every page while the user is still loading (the API decides anyway). */
export function navPagesFor(role: Role | undefined): NavPage[] {
  return NAV_PAGES.filter((page) => role === undefined || role === 'admin' || page.roles.includes(role));
}
