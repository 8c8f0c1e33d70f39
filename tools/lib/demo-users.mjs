// The demo users' sign-ins, kept beside the admin password in .segflow/ (mode 600) so every `npm start` can say how
// to sign in as them. One user a line, tab-separated: role, email, password, name, teams. The seed writes a line only
// when it creates the user (passwords are generated then and stored nowhere else).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// The web app has no users page yet: the header points at the API routes that change passwords.
const HEADER =
  "# Segflow demo users (created by the demo seed; change your password with POST /api/auth/password, or as the admin a user's with PATCH /api/users/:id, see /api/docs). role\temail\tpassword\tname\tteams";

/** The users in `file`, or none when it does not exist. */
export function readDemoUsers(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [role, email, password, name, teams] = line.split('\t');
      return { role, email, password, name, teams: teams ? teams.split(', ') : [] };
    });
}

/** Adds (or replaces, by email) users in `file`, managers first. */
export function saveDemoUsers(file, users) {
  if (!users.length) return;
  const byEmail = new Map(readDemoUsers(file).map((u) => [u.email, u]));
  for (const user of users) byEmail.set(user.email, user);
  const rows = [...byEmail.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'manager' ? -1 : 1));
  const lines = rows.map((u) => [u.role, u.email, u.password, u.name, u.teams.join(', ')].join('\t'));
  writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`, { mode: 0o600 });
}

/** The lines `npm start` prints: the manager and one rep with their passwords, and where the rest are. */
export function describeDemoUsers(users, file) {
  const manager = users.find((u) => u.role === 'manager');
  const reps = users.filter((u) => u.role === 'rep');
  const lines = [];
  if (manager)
    lines.push(
      `  demo manager  ${manager.email} / ${manager.password}   (${manager.teams.join(', ')}: dashboards, team inbox)`,
    );
  if (reps[0])
    lines.push(`  demo rep      ${reps[0].email} / ${reps[0].password}   (${reps[0].teams.join(', ')}: their inbox)`);
  if (users.length) lines.push(`  all demo users (${users.length}, with passwords): ${file}`);
  return lines;
}
