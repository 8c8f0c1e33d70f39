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
  { path: '/leads/import', label: 'CSV import', roles: ['ops'] },
  { path: '/playbooks', label: 'Playbooks', roles: ['ops', 'manager'] },
  { path: '/segments', label: 'Segments', roles: ['ops', 'manager'] },
  { path: '/lookalikes', label: 'Lookalikes', roles: ['ops'] },
  { path: '/rule-segments', label: 'Rule segments', roles: ['ops'] },
  { path: '/inbox', label: 'Inbox', roles: ['rep', 'manager'] },
  { path: '/dashboard', label: 'Dashboard', roles: ['manager'] },
  { path: '/calendar', label: 'Calendars', roles: ['rep', 'manager'] },
  { path: '/mail', label: 'Mail', roles: ['ops', 'manager'] },
  { path: '/whatsapp-sandbox', label: 'WhatsApp sandbox', roles: ['ops', 'manager'] },
  { path: '/dead-letters', label: 'Dead letters', roles: ['ops'] },
  { path: '/audit', label: 'Audit log', roles: ['ops'] },
  { path: '/admin/sla-policies', label: 'SLA policies', roles: ['ops', 'manager'] },
  { path: '/admin/channels', label: 'Channels', roles: ['ops'] },
  // Admin only (admins see every page).
  { path: '/admin/users', label: 'Users', roles: [] },
  { path: '/admin/teams', label: 'Teams', roles: [] },
  { path: '/admin/lead-attributes', label: 'Lead attributes', roles: [] },
  { path: '/admin/api-keys', label: 'API keys', roles: [] },
];

/** The pages a role sees in the navigation; every page while the user is still loading (the API decides anyway). */
export function navPagesFor(role: Role | undefined): NavPage[] {
  return NAV_PAGES.filter((page) => role === undefined || role === 'admin' || page.roles.includes(role));
}

/**
 * Whether a user of `role` may use the page at `path`, and so the API behind it; false while the user is loading, so
 * a page never asks for data its viewer may be refused (a rep's Leads page asked for the segments and got 403s).
 */
export function canUsePage(role: Role | undefined, path: string): boolean {
  if (role === undefined) return false;
  return role === 'admin' || NAV_PAGES.some((page) => page.path === path && page.roles.includes(role));
}
