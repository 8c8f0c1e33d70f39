// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export interface DemoUser {
  role: string;
  email: string;
  password: string;
  name: string;
  teams: string[];
}
export function readDemoUsers(file: string): DemoUser[];
export function saveDemoUsers(file: string, users: DemoUser[]): void;
export function describeDemoUsers(users: DemoUser[], file: string): string[];
