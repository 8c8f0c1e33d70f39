import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns a long-running child whose output lines are prefixed with its name; `onExit` hears unexpected exits. */
export function startChild(name, command, args, { env, cwd, onExit }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${name.padEnd(8)}| ${line}\n`));
  }
  child.on('exit', (code, signal) => onExit?.(name, code, signal));
  return {
    name,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
