// Sections 1 and 2: the full default conformance run against its floor, and where its time goes.
// Floor = the Playwright runner starting one empty test + the run's own HTTP exchanges replayed by a bare keep-alive
// client against a fresh reference server. Measurements are interleaved (run, runner floor, CLI start, run...).
import { loadavg } from 'node:os';
import { loadCatalogue } from '../cli/catalogue.ts';
import { renderHtmlReport } from '../cli/html-report.ts';
import { renderJunit } from '../cli/junit.ts';
import { runChild, startChild } from './children.ts';
import { requirement, runCli, TARGET_ENV, type CliRun } from './cli-run.ts';
import type { RecordedExchange, ServerStats } from './instrument.ts';
import { dependencies, replay, type ReplayFigures } from './replay.ts';
import { runnerFloor } from './runner-floor.ts';
import { median } from './stats.ts';
import { timed } from './timed.ts';

export interface ConformanceFigures {
  runs: { wallMs: number; cpuMs: number; peakRssMB: number; treeRssMB: number; ord007Ms: number; steps: number }[];
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
  treeRssMB: number;
  exchanges: number;
  replay: { sequential: ReplayFigures; concurrent: ReplayFigures };
  runnerStart: { npxMs: number; directMs: number; directCpuMs: number };
  cliStartMs: number;
  discovery: { importMs: number; targetAndContextMs: number; discoveryColdMs: number; discoveryWarmMs: number; exchanges: number };
  floorMs: number;
  floorSequentialMs: number;
  ratio: number;
  areas: { area: string; ms: number; checks: number }[];
  testsMs: number;
  model: { ms: number; steps: number; countedSteps: number; runs: number; opsPerSecond: number; requests: number; requestsPerStep: number; httpPerSecond: number; exchangeMeanMs: number; replayMsPerRequest: number };
  /** The schema-driven property suite (suites/properties.spec.ts), summed over its tests as ORD-007's parts are. */
  properties: PropertyFigures;
  reports: { playwrightHtmlMs: number; cliReportsAndExitMs: number; renderMs: number };
  slowest: { title: string; tags: string[]; ms: number }[];
}

export interface PropertyFigures {
  ms: number;
  tests: number;
  /** Generated cases (one valid body and every named mutation of it, or one valid body alone). */
  cases: number;
  /** Requests the suite's tests sent and had answered, setup and clean-up included. */
  requests: number;
  casesPerSecond: number;
  requestsPerSecond: number;
}

/** The property suite's figures from one run's outcomes: its tests' time, their cases and their answered requests. */
export function propertyFigures(outcomes: CliRun['outcomes']): PropertyFigures {
  const tests = outcomes.filter((o) => o.tags.includes('@property'));
  const note = (o: (typeof tests)[number], type: string) => JSON.parse(o.annotations.find((a) => a.type === type)?.description ?? '{}') as Record<string, number>;
  const ms = tests.reduce((sum, o) => sum + o.durationMs, 0);
  const cases = tests.reduce((sum, o) => sum + (note(o, 'property').cases ?? 0), 0);
  const requests = tests.reduce((sum, o) => sum + (note(o, 'every-exchange')['API-007'] ?? 0), 0);
  return { ms, tests: tests.length, cases, requests, casesPerSecond: cases / (ms / 1000), requestsPerSecond: requests / (ms / 1000) };
}

const ORIGIN = (url: string) => new URL(url).origin;
/**
 * Every run here is the default run with one fixed model seed, so the timed runs, the counting run and the replay
 * make the same exchanges (with a random seed, ORD-007's share moves by a few hundred from run to run).
 */
export const BENCH_SEED = 1;
const SEEDED = ['--seed', String(BENCH_SEED)];
async function getJson<T>(url: string, method = 'GET'): Promise<T> {
  const response = await fetch(url, { method });
  return (await response.json()) as T;
}

/** The exchange-count run: the full default run, then ORD-007 alone, against a reference child that records. */
async function countingRuns(log: (line: string) => void): Promise<{ exchanges: RecordedExchange[]; ord007Requests: number; ord007Run: CliRun }> {
  const server = await startChild('serve-reference.ts', { args: ['--record'] });
  try {
    await runCli(['--target', server.url, ...SEEDED], { env: TARGET_ENV });
    const exchanges = await getJson<RecordedExchange[]>(`${ORIGIN(server.url)}/__bench/exchanges`);
    log(`  counting run: ${exchanges.length} HTTP exchanges`);
    await getJson(`${ORIGIN(server.url)}/__bench/reset`, 'POST');
    const ord007Run = await runCli(['--target', server.url, '--requirement', 'ORD-007', ...SEEDED], { env: TARGET_ENV });
    const stats = await getJson<ServerStats>(`${ORIGIN(server.url)}/__bench/stats`);
    return { exchanges, ord007Requests: stats.requests, ord007Run };
  } finally {
    await server.stop();
  }
}

export async function benchConformance(rounds: number, log: (line: string) => void): Promise<ConformanceFigures> {
  const floor = runnerFloor();
  const samples: CliRun[] = [];
  const npx: number[] = [];
  const direct: { wallMs: number; cpuMs: number }[] = [];
  const cliStart: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const run = await runCli(SEEDED);
      samples.push(run);
      npx.push((await floor.npx()).wallMs);
      direct.push(await floor.direct());
      cliStart.push((await timed(process.execPath, ['bin/flow-conformance.js', '--version'])).wallMs);
      log(`  default run ${i + 1}/${rounds}: ${(run.wallMs / 1000).toFixed(2)} s wall, ${(run.cpuMs / 1000).toFixed(2)} s CPU (load ${loadavg()[0]!.toFixed(2)})`);
    }
  } finally {
    floor.remove();
  }

  const reference = await startChild('serve-reference.ts');
  const disc: ConformanceFigures['discovery'][] = [];
  const sequential: ReplayFigures[] = [];
  const concurrent: ReplayFigures[] = [];
  let counted: Awaited<ReturnType<typeof countingRuns>>;
  try {
    for (let i = 0; i < 3; i++) disc.push(JSON.parse(await runChild('discovery-probe.ts', [], { ...TARGET_ENV, PROBE_URL: reference.url })));
    counted = await countingRuns(log);
    const deps = dependencies(counted.exchanges);
    for (let i = 0; i < 3; i++) {
      sequential.push(await replay(ORIGIN(reference.url), counted.exchanges, deps, 1));
      concurrent.push(await replay(ORIGIN(reference.url), counted.exchanges, deps, 2));
    }
  } finally {
    await reference.stop();
  }
  const medianOf = <T>(rows: T[], pick: (r: T) => number) => median(rows.map(pick));
  const middle = (rows: ReplayFigures[]) => [...rows].sort((a, b) => a.ms - b.ms)[rows.length >> 1]!;
  const runnerStart = { npxMs: median(npx), directMs: medianOf(direct, (d) => d.wallMs), directCpuMs: medianOf(direct, (d) => d.cpuMs) };
  const replayC2 = middle(concurrent);
  const replaySeq = middle(sequential);
  const wallMs = medianOf(samples, (s) => s.wallMs);
  const floorMs = runnerStart.directMs + replayC2.ms;

  // where the time goes, from the run whose wall time is the median
  const typical = [...samples].sort((a, b) => a.wallMs - b.wallMs)[samples.length >> 1]!;
  const { areas: areaNames } = loadCatalogue();
  const areas = Object.keys(areaNames).map((area) => {
    const records = typical.results.requirements.filter((r) => r.area === area && r.id !== 'ORD-007');
    return { area, ms: records.reduce((sum, r) => sum + r.durationMs, 0), checks: records.length };
  });
  const ord007 = requirement(typical, 'ORD-007');
  const steps = typical.results.model?.steps ?? NaN;
  const modelOutcome = typical.outcomes.find((o) => o.tags.includes('@ORD-007'));
  const exchangeMs = ((modelOutcome?.exchanges ?? []) as { durationMs?: number }[]).map((e) => e.durationMs ?? NaN).filter(Number.isFinite);
  const ord007Requests = counted.ord007Requests - 1 - (disc[0]?.exchanges ?? 0); // less the preflight and the discovery
  const countedOrd = requirement(counted.ord007Run, 'ORD-007');
  const countedSteps = counted.ord007Run.results.model?.steps ?? NaN;
  const renders: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    renderJunit(typical.results);
    renderHtmlReport(typical.results);
    renders.push(performance.now() - t0);
  }
  return {
    runs: samples.map((s) => ({ wallMs: s.wallMs, cpuMs: s.cpuMs, peakRssMB: s.peakRssMB, treeRssMB: s.treeRssMB, ord007Ms: requirement(s, 'ORD-007').durationMs, steps: s.results.model?.steps ?? NaN })),
    wallMs,
    cpuMs: medianOf(samples, (s) => s.cpuMs),
    peakRssMB: medianOf(samples, (s) => s.peakRssMB),
    treeRssMB: medianOf(samples, (s) => s.treeRssMB),
    exchanges: counted.exchanges.length,
    replay: { sequential: replaySeq, concurrent: replayC2 },
    runnerStart,
    cliStartMs: median(cliStart),
    discovery: {
      importMs: medianOf(disc, (d) => d.importMs), targetAndContextMs: medianOf(disc, (d) => d.targetAndContextMs),
      discoveryColdMs: medianOf(disc, (d) => d.discoveryColdMs), discoveryWarmMs: medianOf(disc, (d) => d.discoveryWarmMs), exchanges: disc[0]?.exchanges ?? NaN,
    },
    floorMs,
    floorSequentialMs: runnerStart.directMs + replaySeq.ms,
    ratio: wallMs / floorMs,
    areas,
    testsMs: typical.outcomes.reduce((sum, o) => sum + o.durationMs, 0),
    model: {
      ms: ord007.durationMs, steps, countedSteps, runs: typical.results.model?.runs ?? NaN, opsPerSecond: steps / (ord007.durationMs / 1000),
      requests: ord007Requests, requestsPerStep: ord007Requests / countedSteps, httpPerSecond: ord007Requests / (countedOrd.durationMs / 1000),
      exchangeMeanMs: exchangeMs.reduce((s, x) => s + x, 0) / exchangeMs.length,
      replayMsPerRequest: replaySeq.ms / replaySeq.requests,
    },
    properties: propertyFigures(typical.outcomes),
    reports: {
      playwrightHtmlMs: medianOf(samples, (s) => s.written.playwrightReport - s.written.outcomes),
      cliReportsAndExitMs: medianOf(samples, (s) => s.endedAt - s.written.playwrightReport),
      renderMs: median(renders),
    },
    slowest: [...typical.outcomes].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).map((o) => ({ title: o.title, tags: o.tags, ms: o.durationMs })),
  };
}
