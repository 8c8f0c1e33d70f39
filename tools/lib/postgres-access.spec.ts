import { canAccountReach, READ, SEARCH, WRITE } from './postgres-access.mjs';

const postgres = { uid: 101, gids: [104] };
type Entry = readonly [mode: number, uid?: number, gid?: number];
const fakeStat = (modes: Record<string, Entry>) => (path: string) => {
  const entry = modes[path];
  if (!entry) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const [mode, uid = 0, gid = 0] = entry;
  return { mode, uid, gid };
};

describe('canAccountReach', () => {
  const clone: Record<string, Entry> = {
    '/': [0o755],
    '/root': [0o700],
    '/root/segflow': [0o755],
    '/root/segflow/bin': [0o755],
    '/root/segflow/bin/postgres': [0o755],
  };

  it('refuses binaries in a clone under a root-only /root (mode 700), however open the files themselves are', () => {
    expect(canAccountReach('/root/segflow/bin/postgres', postgres, READ | SEARCH, fakeStat({ ...clone }))).toBe(false);
  });

  it('accepts the same tree when every directory above is searchable by others', () => {
    expect(
      canAccountReach('/root/segflow/bin/postgres', postgres, READ | SEARCH, fakeStat({ ...clone, '/root': [0o711] })),
    ).toBe(true);
  });

  it('applies the owner bits to the owner and the group bits to a member, not the others bits', () => {
    const stat = fakeStat({ '/': [0o755], '/data': [0o700, 101, 104], '/shared': [0o070, 0, 104] });
    expect(canAccountReach('/data', postgres, READ | WRITE | SEARCH, stat)).toBe(true);
    expect(canAccountReach('/shared', postgres, READ | WRITE | SEARCH, stat)).toBe(true);
    expect(canAccountReach('/shared', { uid: 102, gids: [105] }, SEARCH, stat)).toBe(false);
  });

  it('needs every requested bit on the path itself', () => {
    const stat = fakeStat({ '/': [0o755], '/var': [0o755], '/var/data': [0o755] });
    expect(canAccountReach('/var/data', postgres, READ | SEARCH, stat)).toBe(true);
    expect(canAccountReach('/var/data', postgres, READ | WRITE | SEARCH, stat)).toBe(false);
  });

  it('counts a path that does not exist as unreachable', () => {
    expect(canAccountReach('/missing/dir', postgres, SEARCH, fakeStat({ '/': [0o755] }))).toBe(false);
  });

  it('lets root reach everything', () => {
    expect(
      canAccountReach('/root/segflow/bin/postgres', { uid: 0, gids: [0] }, READ | SEARCH, fakeStat({ ...clone })),
    ).toBe(true);
  });
});
