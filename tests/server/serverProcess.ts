// The server tests' helpers: the shared start-up (scripts/lib/serverProcess.ts) with a temporary data
// folder and a tiny dist/, a start-up that must be refused, and a valid feedback item to post.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort, startServerProcess, type ServerProcess } from '../../scripts/lib/serverProcess.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

export type Running = ServerProcess;

/** Runs `node server/start.ts` until it exits; for start-ups that must be refused. */
export async function runServerToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['server/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** Starts the server (or `command`) with `env` and resolves once it says where it serves. */
export const startServer = (env: Record<string, string>, command: readonly string[] = []): Promise<Running> =>
  startServerProcess({ env, command });

/** A valid feedback item with a fresh UUID. */
export const item = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'comment',
  text: 'Selkeä oppitunti.',
  moduleId: 'goals',
  lessonId: 'why-it-matters',
  lang: 'fi',
  contentVersion: 'v1',
  createdAt: new Date().toISOString(),
  ...overrides,
});

export const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
