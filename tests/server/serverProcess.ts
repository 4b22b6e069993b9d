// Starts the real server (`node server/start.ts`) as a child process on a free loopback port, with a
// temporary data folder and a tiny dist/, for the tests that talk to it over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

export interface Running {
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the server has written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

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

/** Starts `node server/start.ts` and resolves once it says where it serves. */
export async function startServer(env: Record<string, string>, command: readonly string[] = []): Promise<Running> {
  const port = await freePort();
  const [file, ...args] = command.length ? command : [process.execPath, 'server/start.ts'];
  const child = spawn(file ?? process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The last line of the start-up message.
      if (output.includes('Feedback review is')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`The server exited with ${String(code)} before listening:\n${output}`));
    });
  });
  return {
    base: `http://127.0.0.1:${String(port)}`,
    port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

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
