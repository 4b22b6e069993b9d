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
  child: ChildProcessByStdio<null, Readable, null>;
  /** Stops the server and waits until it has exited. */
  stop: () => Promise<void>;
}

/**
 * The real server (server/start.ts) on loopback, serving `distDir` with its collector in `dataDir`;
 * resolves once it listens, and fails if it exits before that.
 */
export async function startServer(
  distDir: string,
  dataDir: string,
  options: {
    port?: number;
    /** Further settings for the server. */
    env?: Record<string, string>;
    /** The checkout whose server runs (another one, to measure an earlier version beside this). */
    root?: string;
  } = {},
): Promise<ServerProcess> {
  const { port, env = {}, root = repoRoot } = options;
  const listenOn = port ?? (await freePort());
  const child = spawn(process.execPath, ['server/start.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      PORT: String(listenOn),
      HOST: '127.0.0.1',
      HANKINTAPOLKU_DIST_DIR: distDir,
      FEEDBACK_DATA_DIR: dataDir,
      ...env,
    },
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is being served at')) resolve();
    });
    child.once('exit', (code) => {
      reject(new Error(`The server exited with ${String(code)} before listening.`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    base: `http://127.0.0.1:${String(listenOn)}`,
    port: listenOn,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
