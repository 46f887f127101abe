// Starts bench servers in their own Node processes and reads each one's URL from its first stdout line. Every child
// also exits when its stdin closes, so a parent that dies without cleaning up (SIGKILL, crash) still takes its
// servers with it; `stopAll` is the orderly path (finally blocks, SIGINT/SIGTERM).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child {
  url: string;
  pid: number;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15_000;
const live = new Set<() => Promise<void>>();

function spawnScript(script: string, nodeFlags: string[], env: Record<string, string> = {}, args: string[] = []): ChildProcess {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
}

/** Registers any child process (Prism, say) so `stopAll` stops it too; returns its stop function. */
export function stopper(proc: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    live.delete(stop);
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  live.add(stop);
  return stop;
}

export async function startChild(script: string, options: { nodeFlags?: string[]; env?: Record<string, string>; args?: string[] } = {}): Promise<Child> {
  const proc = spawnScript(script, options.nodeFlags ?? [], options.env, options.args);
  const stop = stopper(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      const onExit = (code: number | null, signal: string | null) => fail(`exited (${code ?? signal}) before printing its URL`);
      const timer = setTimeout(() => fail(`no URL within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new Error(`${script} failed: ${why}\n${stderr}`));
      };
      proc.once('exit', onExit);
      proc.stdout!.setEncoding('utf8').on('data', (text: string) => {
        buffered += text;
        const newline = buffered.indexOf('\n');
        if (newline < 0) return;
        clearTimeout(timer);
        proc.removeListener('exit', onExit);
        resolve(buffered.slice(0, newline).trim());
      });
    });
    return { url, pid: proc.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a child to completion and returns its stdout (the memory and discovery probes). */
export async function runChild(script: string, nodeFlags: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const proc = spawnScript(script, nodeFlags, env);
  const stop = stopper(proc);
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (t: string) => (out += t));
  proc.stderr!.setEncoding('utf8').on('data', (t: string) => (err += t));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      proc.once('error', reject);
      proc.once('exit', (c) => resolve(c));
    });
    if (code !== 0) throw new Error(`${script} exited with ${code}\n${err}`);
    return out;
  } finally {
    await stop();
  }
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((stop) => stop()));
}

/** For children: exit when the parent goes away (its end of our stdin closes). */
export function exitWithParent(onExit: () => void): void {
  process.stdin.on('end', onExit).on('error', onExit).resume();
}

/** Runs a benchmark's main with its children stopped on every exit path: end, thrown error, Ctrl-C, a CI's TERM. */
export async function runStoppingChildren(main: () => Promise<void>): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  }
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    await stopAll();
  }
}
