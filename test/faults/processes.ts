import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { loadOrCreateLocalKeys, signLocalToken } from '../../src/access/index.js';
import type { AuthenticatedUser } from '../../src/access/index.js';

/** A free TCP port on loopback (so a restarted API comes back on the same address). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface NwdProcess {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/** Starts `nwd <command>` from the built dist and resolves once it is ready. */
export function startNwd(
  command: 'start' | 'projector',
  env: NodeJS.ProcessEnv,
): Promise<NwdProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/apps/cli/main.js', command], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let out = '';
    const ready = command === 'start' ? /is running at/ : /projector running/;
    let started = false;
    // Output is drained for the life of the process (a full pipe would stall it); only what
    // came before it was ready is kept, for the error if it never is.
    const onData = (chunk: Buffer) => {
      if (started) return;
      out += chunk.toString();
      if (ready.test(out)) {
        started = true;
        resolve({ child, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`nwd ${command} exited (${code}) before ready: ${out.slice(-2000)}`)),
    );
  });
}

export async function kill(p: NwdProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  p.child.kill(signal);
  await p.exited;
}

/** Bearer tokens signed with the same local key file the API process verifies with. */
export async function tokenSigner(keyFile: string) {
  const keys = await loadOrCreateLocalKeys(keyFile);
  return (u: AuthenticatedUser) => signLocalToken(keys, u, '60m');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `nwd <args>` to completion; returns its exit code and output. */
export function runNwd(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/apps/cli/main.js', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Waits (at most `tries` x 200 ms) until every projection the API reports has nothing to read. */
export async function untilCaughtUp(base: string, tries = 150): Promise<void> {
  for (let t = 0; t < tries; t++) {
    const health = (await (await fetch(`${base}/health`)).json()) as {
      projections?: { lag: number }[];
    };
    if (health.projections?.every((p) => p.lag === 0)) return;
    await sleep(200);
  }
}
