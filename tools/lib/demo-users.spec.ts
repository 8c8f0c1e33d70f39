import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDemoUsers, saveDemoUsers } from './demo-users.mjs';

describe('saveDemoUsers', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'demo-users-')), 'demo-users');
  const asha = { role: 'rep', email: 'asha@demo.test', password: 'pw-1', name: 'Asha', teams: ['West'] };

  // The web app has no users page: the file must point at the routes that exist (auth.controller, users.controller).
  it('says how to change a password through API routes that exist, not through a page that does not', () => {
    saveDemoUsers(file, [asha]);
    const [header] = readFileSync(file, 'utf8').split('\n');
    expect(header).toContain('POST /api/auth/password');
    expect(header).toContain('PATCH /api/users/:id');
    expect(header).not.toMatch(/under Users/);
  });

  it('reads back what it saved', () => {
    saveDemoUsers(file, [asha]);
    expect(readDemoUsers(file)).toEqual([asha]);
  });
});
