// Reads a V8 .cpuprofile (from `node --cpu-prof`) and says what the reference server spends its time on: self time
// per function, and inclusive time of the server's own functions (what a change to server/*.ts could win back).
// Only `--profile` runs use it; the profiler slows the server a little. The profile's clock is wall time, so on a
// machine with more busy processes than cores, time the server spends preempted lands on whatever it was doing,
// usually `writev` (writing to loopback wakes autocannon, which may take the core): read the server rows, not that one.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  selfTime: HotSpot[];
  /** Functions in server/, with everything they call. */
  serverInclusive: HotSpot[];
}

/** The main thread's profile of process `pid` (tsx's loader runs in a second thread that writes its own file). */
export async function mainThreadProfile(dir: string, pid: number): Promise<string | undefined> {
  const files = (await readdir(dir)).filter((f) => f.includes(`.${pid}.0.`) && f.endsWith('.cpuprofile')).sort();
  return files.length === 0 ? undefined : join(dir, files[files.length - 1]!);
}

export async function summariseProfile(file: string, top = 12): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of sampled) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue; // the event loop waiting for work
    busyUs += us;
    bump(self, label(frame), us);
    const counted = new Set<string>(); // a recursive function counts once per sample
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const name = label(f);
      if (!f.url.includes('/server/') || counted.has(name)) continue;
      counted.add(name);
      bump(inclusive, name, us);
    }
  }
  const ranked = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, share: us / busyUs }));
  return { busyMs: busyUs / 1000, selfTime: ranked(self), serverInclusive: ranked(inclusive) };
}

function bump(m: Map<string, number>, key: string, us: number): void {
  m.set(key, (m.get(key) ?? 0) + us);
}

/** `render (server/entities.ts)`. Line numbers are left out: they are the transpiled file's, not the source's. */
function label(frame: { functionName: string; url: string }): string {
  const at = frame.url.search(/\/(server|bench|node_modules)\//);
  const where = at >= 0 ? frame.url.slice(at + 1) : frame.url;
  return `${frame.functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
}
