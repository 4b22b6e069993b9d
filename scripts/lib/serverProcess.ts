// Starting the real server (`node server/start.ts`) as a child process on a free loopback port: the
// one helper the server tests, the browser tests and the benchmarks share.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const repoRoot = join(import.meta.dirname, '..', '..');

/** A port nothing listens on now, picked by the system. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface ServerProcess {
  base: string;
  port: number;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Everything the server has written to stdout and stderr so far. */
  output(): string;
  /** Stops the server and waits until it has exited. */
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** Environment on top of this process's, e.g. HANKINTAPOLKU_DIST_DIR and FEEDBACK_DATA_DIR. */
  env?: Record<string, string>;
  /** The port to listen on; a free one by default. */
  port?: number;
  /** Another command that starts the server (e.g. `npm start`); `node server/start.ts` by default. */
  command?: readonly string[];
  /** Also print the server's stderr here, for a benchmark's log. */
  echoErrors?: boolean;
  /** The checkout whose server runs (another one, to measure an earlier version beside this). */
  root?: string;
}

/**
 * Starts the server on loopback; resolves once it has printed the last line of its start-up message,
 * and fails with what it printed if it exits before that.
 */
export async function startServerProcess(options: ServerOptions = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const [file = process.execPath, ...args] = options.command?.length
    ? options.command
    : [process.execPath, 'server/start.ts'];
  const child = spawn(file, args, {
    cwd: options.root ?? repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echoErrors) process.stderr.write(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (): void => {
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

/** The real server serving `distDir` with its collector in `dataDir`. */
export const startServer = (distDir: string, dataDir: string, port?: number): Promise<ServerProcess> =>
  startServerProcess({
    env: { HANKINTAPOLKU_DIST_DIR: distDir, FEEDBACK_DATA_DIR: dataDir },
    echoErrors: true,
    ...(port === undefined ? {} : { port }),
  });
