import {
  changeDashboardFilters,
  dashboardSearch,
  defaultDashboardFilters,
  readDashboardFilters,
  type DashboardFilters,
} from './dashboard-filters';

const TODAY = '2026-03-30';
const read = (query: string) => readDashboardFilters(new URLSearchParams(query), TODAY);

describe('readDashboardFilters', () => {
  it('defaults to the 30 days up to today, by segment, with no row picked', () => {
    expect(read('')).toEqual({ from: '2026-03-01', to: TODAY, groupBy: 'segment', row: null, breached: false });
  });

  it('reads every filter the URL names', () => {
    expect(read('from=2026-01-05&to=2026-01-05&groupBy=rep&row=rep-7&breached=true')).toEqual({
      from: '2026-01-05',
      to: '2026-01-05',
      groupBy: 'rep',
      row: { key: 'rep-7' },
      breached: true,
    });
  });

  it('reads an empty row as the row without a key', () => {
    expect(read('groupBy=channel&row=').row).toEqual({ key: null });
  });

  it('ignores invalid values and shows their defaults', () => {
    const defaults = defaultDashboardFilters(TODAY);
    expect(read('from=yesterday&to=2026-02-30&groupBy=team&breached=yes')).toEqual(defaults);
    expect(read('from=2026-3-1')).toEqual(defaults);
    // `from` after `to` is no range: both dates give way, the other filters stay.
    expect(read('from=2026-03-10&to=2026-03-01&groupBy=playbook')).toEqual({ ...defaults, groupBy: 'playbook' });
  });

  it('keeps one valid end when the other is invalid, if they still form a range', () => {
    expect(read('from=2026-03-20&to=nope')).toMatchObject({ from: '2026-03-20', to: TODAY });
  });

  it('ignores breached without a row', () => {
    expect(read('breached=true').breached).toBe(false);
  });
});

describe('dashboardSearch', () => {
  it('spells out every filter, so a shared link shows the same days', () => {
    expect(dashboardSearch(defaultDashboardFilters(TODAY)).toString()).toBe(
      'from=2026-03-01&to=2026-03-30&groupBy=segment',
    );
  });

  it('round-trips through readDashboardFilters', () => {
    const filters: DashboardFilters[] = [
      { from: '2026-02-01', to: '2026-02-02', groupBy: 'playbook', row: { key: 'p1:v2' }, breached: true },
      { from: '2026-02-01', to: '2026-02-28', groupBy: 'channel', row: { key: null }, breached: false },
      { from: '2025-12-31', to: '2026-01-01', groupBy: 'rep', row: null, breached: false },
    ];
    for (const f of filters) expect(readDashboardFilters(dashboardSearch(f), TODAY)).toEqual(f);
  });
});

describe('changeDashboardFilters', () => {
  const filters: DashboardFilters = {
    from: '2026-03-01',
    to: '2026-03-10',
    groupBy: 'segment',
    row: { key: 's1' },
    breached: true,
  };

  it('drops the picked row when the dimension changes', () => {
    expect(changeDashboardFilters(filters, { groupBy: 'rep' })).toMatchObject({
      groupBy: 'rep',
      row: null,
      breached: false,
    });
    expect(changeDashboardFilters(filters, { groupBy: 'segment' }).row).toEqual({ key: 's1' });
  });

  it('moves the other end of the range along rather than inverting it', () => {
    expect(changeDashboardFilters(filters, { from: '2026-03-15' })).toMatchObject({
      from: '2026-03-15',
      to: '2026-03-15',
    });
    expect(changeDashboardFilters(filters, { to: '2026-02-20' })).toMatchObject({
      from: '2026-02-20',
      to: '2026-02-20',
    });
  });

  it('clears breached with the row', () => {
    expect(changeDashboardFilters(filters, { row: null }).breached).toBe(false);
  });
});
