// One autocannon run and the statistics the bench reports. Latencies are taken from autocannon's per-response event
// (fractional milliseconds) rather than its HDR histogram, which rounds to whole milliseconds: sub-millisecond p50s
// would all print as 0 or 1 and could not be compared or merged across rounds.
import autocannon, { type AutocannonRequest } from 'autocannon';
import { percentile } from './stats.ts';
import { stat, TICK } from './timed.ts';

export interface RunFigures {
  responses: number;
  seconds: number;
  latenciesMs: number[];
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** CPU seconds the server child and this process (autocannon) used during the run. */
  serverCpu: number;
  clientCpu: number;
}

/**
 * On a small machine the load generator can be the bottleneck instead of the server. Sampling both processes' CPU
 * time shows which: a server well under one core while autocannon sits near one core means the figure is the
 * client's ceiling. Linux-only (/proc); elsewhere the server's share reads as NaN.
 */
function processCpuSeconds(pid: number): number {
  const fields = stat(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICK : NaN; // utime + stime
}

export async function runLoad(url: string, serverPid: number, requests: AutocannonRequest[], connections: number, duration: number): Promise<RunFigures> {
  const latenciesMs: number[] = [];
  const serverBefore = processCpuSeconds(serverPid);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const instance = autocannon({ url, connections, duration, pipelining: 1, timeout: 10, requests });
  instance.on('response', (_client, _status, _bytes, ms) => void latenciesMs.push(ms));
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = processCpuSeconds(serverPid) - serverBefore;
  const client = process.cpuUsage(clientBefore);
  const clientCpu = (client.user + client.system) / 1e6;
  const statusCounts: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCounts[code] = count;
  return { responses: latenciesMs.length, seconds, latenciesMs, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, statusCounts, serverCpu, clientCpu };
}

export interface Summary {
  requestsPerSecond: number;
  /** Each round's requests/s, to show how noisy the machine was. */
  roundsRequestsPerSecond: number[];
  p50Ms: number;
  p99Ms: number;
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
  /** Average cores busy during the runs (1 = one core flat out). */
  serverCores: number;
  clientCores: number;
}

/** Pools the rounds: requests/s over the summed time, percentiles over every response of every round. */
export function summarise(rounds: RunFigures[]): Summary {
  const all = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const statusCounts: Record<string, number> = {};
  for (const round of rounds) for (const [code, n] of Object.entries(round.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n;
  const sum = (pick: (r: RunFigures) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  return {
    requestsPerSecond: sum((r) => r.responses) / sum((r) => r.seconds),
    roundsRequestsPerSecond: rounds.map((r) => r.responses / r.seconds),
    p50Ms: percentile(all, 0.5),
    p99Ms: percentile(all, 0.99),
    responses: all.length,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCounts,
    serverCores: sum((r) => r.serverCpu) / sum((r) => r.seconds),
    clientCores: sum((r) => r.clientCpu) / sum((r) => r.seconds),
  };
}

