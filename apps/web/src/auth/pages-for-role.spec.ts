import { NAV_PAGES, navPagesFor } from './pages-for-role';

describe('navPagesFor', () => {
  const labels = (role: Parameters<typeof navPagesFor>[0]) => navPagesFor(role).map((p) => p.label);

  it('gives reps their leads, their inbox and their calendar only', () => {
    expect(labels('rep')).toEqual(['Leads', 'Inbox', 'Calendars']);
  });

  it('gives each other role the pages its API calls succeed on', () => {
    expect(labels('ops')).toEqual([
      'Leads',
      'Playbooks',
      'Segments',
      'Mail',
      'WhatsApp sandbox',
      'Dead letters',
      'Audit log',
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
    ]);
    expect(labels('admin')).toEqual([
      'Leads',
      'Playbooks',
      'Segments',
      'Inbox',
      'Dashboard',
      'Calendars',
      'Mail',
      'WhatsApp sandbox',
      'Dead letters',
      'Audit log',
    ]);
  });

  it('shows every page while the user is still loading', () => {
    expect(labels(undefined)).toHaveLength(NAV_PAGES.length);
  });
});
