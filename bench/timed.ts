// Runs a command to completion and measures it: wall time, CPU (user + sys) of the whole process tree, the peak RSS
// of its largest process (/usr/bin/time -v, from the kernel's rusage of reaped descendants) and the peak of the
// tree's summed RSS (sampled from /proc every 100 ms). Without /usr/bin/time the CPU comes from this process's
// cutime/cstime (which counts reaped descendants alike) and the largest-process peak is left out.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timed {
  code: number | null;
  wallMs: number;
  cpuMs: number;
  /** Largest single process of the tree (ru_maxrss), MB; NaN without /usr/bin/time. */
  peakRssMB: number;
  /** Summed RSS of every process of the tree at its sampled peak, MB. */
  treeRssMB: number;
  /** Date.now() when the process exited: compared with report files' mtimes. */
  endedAt: number;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const PAGE = 4096;
export const TICK = 100; // USER_HZ

/** /proc/PID/stat's fields from the third (state) on; undefined when the process is gone or there is no /proc. */
export function stat(pid: number | string): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' '); // index 0 is field 3 (state)
  } catch {
    return undefined;
  }
}

/** Summed RSS (bytes) of `root` and all its descendants. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = stat(entry);
    if (!fields) continue;
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    rss.set(pid, Number(fields[21]) * PAGE);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function ownChildrenCpuMs(): number {
  const fields = stat('self');
  return fields ? ((Number(fields[13]) + Number(fields[14])) / TICK) * 1000 : NaN;
}

export async function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  const out = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = hasTime ? [TIME, ['-v', '-o', out, command, ...args]] : [command, args];
  const cpuBefore = ownChildrenCpuMs();
  const started = performance.now();
  const proc = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
  proc.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  let treePeak = 0;
  const sample = () => {
    if (proc.pid !== undefined) treePeak = Math.max(treePeak, treeRss(proc.pid));
  };
  const sampler = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('close', (c) => resolve(c));
  }).finally(() => clearInterval(sampler));
  const endedAt = Date.now();
  const wallMs = performance.now() - started;
  let cpuMs = ownChildrenCpuMs() - cpuBefore;
  let peakRssMB = NaN;
  if (hasTime && existsSync(out)) {
    const report = readFileSync(out, 'utf8');
    rmSync(out, { force: true });
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
    cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
    peakRssMB = (field('Maximum resident set size \\(kbytes\\)') * 1024) / 1e6;
    const exit = /Exit status: (\d+)/.exec(report);
    return { code: exit ? Number(exit[1]) : code, wallMs, cpuMs, peakRssMB, treeRssMB: treePeak / 1e6, endedAt, stdout, stderr };
  }
  return { code, wallMs, cpuMs, peakRssMB, treeRssMB: treePeak / 1e6, endedAt, stdout, stderr };
}
