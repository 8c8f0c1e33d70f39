import { canUsePage, NAV_PAGES, navPagesFor } from './pages-for-role';

describe('navPagesFor', () => {
  const labels = (role: Parameters<typeof navPagesFor>[0]) => navPagesFor(role).map((p) => p.label);

  it('gives reps their leads, their inbox and their calendar only', () => {
    expect(labels('rep')).toEqual(['Leads', 'Inbox', 'Calendars']);
  });

  it('gives each other role the pages its API calls succeed on', () => {
    expect(labels('ops')).toEqual([
      'Leads',
      'CSV import',
      'Playbooks',
      'Segments',
      'Lookalikes',
      'Rule segments',
      'Mail',
      'WhatsApp sandbox',
      'Dead letters',
      'Audit log',
      'SLA policies',
      'Channels',
    ]);
    expect(labels('manager')).toEqual([
      'Leads',
      'Playbooks',
      'Segments',
      'Inbox',
      'Dashboard',
      'Calendars',
      'Mail',
      'WhatsApp sandbox',
      'SLA policies',
    ]);
    expect(labels('admin')).toEqual([
      'Leads',
      'CSV import',
      'Playbooks',
      'Segments',
      'Lookalikes',
      'Rule segments',
      'Inbox',
      'Dashboard',
      'Calendars',
      'Mail',
      'WhatsApp sandbox',
      'Dead letters',
      'Audit log',
      'SLA policies',
      'Channels',
      'Users',
      'Teams',
      'Lead attributes',
      'API keys',
    ]);
  });

  it('shows every page while the user is still loading', () => {
    expect(labels(undefined)).toHaveLength(NAV_PAGES.length);
  });
});

describe('canUsePage', () => {
  it('follows the navigation roles, lets admins use every page and nobody while the user is loading', () => {
    expect(canUsePage('rep', '/segments')).toBe(false);
    expect(canUsePage('manager', '/segments')).toBe(true);
    expect(canUsePage('manager', '/rule-segments')).toBe(false);
    expect(canUsePage('ops', '/rule-segments')).toBe(true);
    expect(canUsePage('admin', '/segments')).toBe(true);
    expect(canUsePage(undefined, '/segments')).toBe(false);
    expect(canUsePage('rep', '/leads')).toBe(true);
    expect(canUsePage('manager', '/lookalikes')).toBe(false);
    expect(canUsePage('ops', '/lookalikes')).toBe(true);
    expect(canUsePage('manager', '/leads/import')).toBe(false);
    expect(canUsePage('ops', '/leads/import')).toBe(true);
  });
});
