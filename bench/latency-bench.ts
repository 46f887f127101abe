// Section 5: real network conditions. The full default run against a reference server behind the latency proxy
// (100 ms a request), and behind the 429 limiter (every third request answered 429, Retry-After: 1), measured at the
// proxy: wall time, requests, entities created, peak requests in flight. `npm run bench -- --sections 5` runs only this.
import { loadavg } from 'node:os';
import { startChild } from './children.ts';
import { runCli, TARGET_ENV } from './cli-run.ts';
import { startConditions, shareAbove, type ConditionOptions, type ConditionStats } from './net-conditions.ts';

export interface ConditionRun {
  label: string;
  args: string[];
  wallMs: number;
  code: number | null;
  verdict: string;
  counts: Record<string, number>;
  model: { runs?: number | undefined; steps?: number | undefined } | undefined;
  stats: ConditionStats;
  /** Share of the busy time with more than 4 requests in flight (the ETAG-003 and model races). */
  above4: number;
  /** ORD-007's own duration: the run's critical path while the model suite is one test. */
  ord007Ms: number;
  /** Between the first request and the last, the time nothing was in flight, and the longest such stretch. */
  idleMs: number;
  longestIdleMs: number;
  loadAverage: number;
}

export async function conditionRun(label: string, conditions: ConditionOptions, args: string[] = [], log: (line: string) => void = () => {}): Promise<ConditionRun> {
  const server = await startChild('serve-reference.ts');
  try {
    const proxy = await startConditions(server.url, conditions);
    try {
      const run = await runCli(['--target', proxy.url, ...args], { env: TARGET_ENV, codes: [0, 1, 2] });
      const counts: Record<string, number> = {};
      for (const r of run.results.requirements) counts[r.status] = (counts[r.status] ?? 0) + 1;
      const figures: ConditionRun = {
        label, args, wallMs: run.wallMs, code: run.code, verdict: run.results.verdict, counts,
        model: run.results.model ? { runs: run.results.model.runs, steps: run.results.model.steps } : undefined,
        stats: { ...proxy.stats, msAtInFlight: [...proxy.stats.msAtInFlight] }, above4: shareAbove(proxy.stats, 4),
        ord007Ms: run.results.requirements.find((r) => r.id === 'ORD-007')?.durationMs ?? NaN,
        idleMs: proxy.stats.idleGaps.reduce((sum, [, ms]) => sum + ms, 0),
        longestIdleMs: Math.max(0, ...proxy.stats.idleGaps.map(([, ms]) => ms)),
        loadAverage: loadavg()[0]!,
      };
      log(`  ${label}: exit ${run.code} (${run.results.verdict}) in ${(run.wallMs / 1000).toFixed(1)} s; ${proxy.stats.requests} requests, ${proxy.stats.entitiesCreated} entities created, peak ${proxy.stats.peakInFlight} in flight${conditions.limitEvery ? `, ${proxy.stats.served429} answered 429, ${proxy.stats.retriedEarly} sent again too early, ${proxy.stats.ignoredHold} ignored another worker's 429` : ''}`);
      return figures;
    } finally {
      await proxy.close();
    }
  } finally {
    await server.stop();
  }
}

/** `limiter`: also the full run behind the 429 limiter (many minutes: every third request waits a second). */
export async function benchLatency(options: { delayMs: number; limiter: boolean }, log: (line: string) => void): Promise<ConditionRun[]> {
  const runs = [await conditionRun(`full default run at ${options.delayMs} ms a request`, { delayMs: options.delayMs }, [], log)];
  if (options.limiter) runs.push(await conditionRun('full default run behind the 429 limiter (every 3rd request, Retry-After: 1)', { limitEvery: 3, retryAfterSeconds: 1 }, [], log));
  return runs;
}

// run on its own: node --import tsx bench/latency-bench.ts [delayMs] [extra CLI args...]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [delay, ...rest] = process.argv.slice(2);
  const limited = rest[0] === '--limiter';
  const figures = await conditionRun(limited ? 'limiter' : `delay ${delay ?? 100} ms`, limited ? { limitEvery: 3 } : { delayMs: Number(delay ?? 100) }, limited ? rest.slice(1) : rest, console.log);
  console.log(JSON.stringify({ ...figures, stats: { ...figures.stats, msAtInFlight: figures.stats.msAtInFlight.map(Math.round) } }));
}
