// `npm run bench:server [-- --rounds 5 --duration 2 --warmup 1 --connections 10 --scenarios get,create,patch --profile]`
// Measures the reference server against a bare node:http floor on this machine. Both servers run in child processes
// and autocannon runs here, so the load generator never shares an event loop with what it measures. Runs alternate
// floor, reference, floor, reference... so a machine that slows down mid-run slows both alike.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { AutocannonRequest } from 'autocannon';
import { BASE_PATH } from '../server/app.ts';
import { runChild, runStoppingChildren, startChild, type Child } from './children.ts';
import { runLoad, summarise, type RunFigures, type Summary } from './load.ts';
import { mainThreadProfile, summariseProfile } from './profile-summary.ts';
import { HEADERS, JSON_HEADERS, tutorialBaseConnection } from './seed.ts';
import { TARGET } from './report.ts';
import { median } from './stats.ts';

const TARGET_GET_RATIO = TARGET.overFloor;
/** The per-entity memory target, for the 10,000 entities this bench stores. */
const TARGET_MEMORY_MB = (TARGET.bytesPerEntity * 10_000) / 1e6; // retainedMB counts 10^6 bytes
const PATCH_POOL = 300;
const REPORT = 'reports/bench-server.json';
const PROFILE_DIR = 'reports/cpu-prof';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    duration: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    scenarios: { type: 'string', default: 'get,create,patch' },
    profile: { type: 'boolean', default: false },
  },
});
const rounds = Number(opts.rounds);
const duration = Number(opts.duration);
const warmup = Number(opts.warmup);
const connections = Number(opts.connections);


interface Outcome {
  floor: Summary;
  reference: Summary;
  /**
   * Median over rounds of reference/floor, each round's pair measured back to back. Other work on the machine comes
   * in bursts; a burst skews one pair, where it would skew a ratio of pooled totals.
   */
  ratio: number;
  roundRatios: number[];
  pooledRatio: number;
}

interface Scenario {
  name: string;
  label: string;
  /** Called once per target, so the PATCH pools of floor and reference never mix. */
  requests(): AutocannonRequest[];
}

async function call(url: string, method: string, body?: unknown, extra: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const init: RequestInit = { method, headers: { ...(body === undefined ? HEADERS : JSON_HEADERS), ...extra } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text() };
}

async function createDraft(url: string): Promise<{ id: string; etag: string }> {
  const answer = await call(`${url}/connections?mode=draft`, 'POST', tutorialBaseConnection());
  if (answer.status !== 201) throw new Error(`setup create answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as { id: string; etag: string };
}

/**
 * Each PATCH needs the entity's current etag, and each 200 changes it. The pool hands every request an entity no other
 * in-flight request holds; the 200's body ({id, etag}) puts the entity back with its new etag. An entity whose answer
 * was lost (a run ends mid-request) drops out of the pool, hence the spare entities.
 */
function patchRequests(seed: { id: string; etag: string }[]): AutocannonRequest[] {
  const pool = [...seed];
  let last = seed[0]!;
  const body = JSON.stringify([{ op: 'replace', path: '/description', value: 'patched by the server bench' }]);
  return [{
    method: 'PATCH',
    body,
    headers: JSON_HEADERS,
    setupRequest: (request) => {
      const entity = pool.shift() ?? last; // an empty pool would mean mass failures; reusing one shows up as non-2xx
      last = entity;
      return { ...request, path: `${BASE_PATH}/connections/${entity.id}`, headers: { ...JSON_HEADERS, 'if-match': entity.etag } };
    },
    onResponse: (status, text) => {
      if (status === 200) pool.push(JSON.parse(text) as { id: string; etag: string });
    },
  }];
}

async function main(): Promise<void> {
  if (opts.profile) await mkdir(PROFILE_DIR, { recursive: true });
  // Other work on the machine skews every figure; the load average at the start says how quiet it was.
  const load = loadavg()[0]!;
  console.log(`server bench: ${rounds} rounds x ${duration}s per target, warm-up ${warmup}s, ${connections} connections, ${cpus().length} CPUs, load ${load.toFixed(2)}, Node ${process.version}`);
  if (load > cpus().length * 0.75) console.log('  note: the machine is busy with other work; expect noisy figures and rerun before trusting a verdict');

  const memory = JSON.parse(await runChild('memory-probe.ts', ['--expose-gc'])) as Record<string, number>;
  const reference = await startChild('serve-reference.ts', { nodeFlags: opts.profile ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [] });
  const stored = await createDraft(reference.url);
  const sample = await call(`${reference.url}/connections/${stored.id}`, 'GET');
  if (sample.status !== 200) throw new Error(`setup GET answered ${sample.status}: ${sample.text}`);
  const floor = await startChild('serve-floor.ts', { env: { FLOOR_BODY: sample.text } });
  const seeds: { id: string; etag: string }[] = [];
  for (let i = 0; i < PATCH_POOL; i++) seeds.push(await createDraft(reference.url));
  const createBody = JSON.stringify(tutorialBaseConnection());

  const scenarios: Scenario[] = [
    { name: 'get', label: 'GET by id', requests: () => [{ method: 'GET', path: `${BASE_PATH}/connections/${stored.id}`, headers: HEADERS }] },
    { name: 'create', label: 'create draft', requests: () => [{ method: 'POST', path: `${BASE_PATH}/connections?mode=draft`, headers: JSON_HEADERS, body: createBody }] },
    { name: 'patch', label: 'PATCH If-Match', requests: () => patchRequests(seeds) },
  ].filter((s) => opts.scenarios.split(',').includes(s.name));

  const servers: Record<'floor' | 'reference', Child> = { floor, reference };
  const results: Record<string, Outcome> = {};
  for (const scenario of scenarios) {
    // One request list per target for the whole scenario: the PATCH pool then carries its etags across rounds.
    const lists = { floor: scenario.requests(), reference: scenario.requests() };
    const origin = (t: 'floor' | 'reference') => new URL(servers[t].url).origin;
    const figures: Record<'floor' | 'reference', RunFigures[]> = { floor: [], reference: [] };
    if (warmup > 0) for (const t of ['floor', 'reference'] as const) await runLoad(origin(t), servers[t].pid, lists[t], connections, warmup);
    for (let round = 0; round < rounds; round++) {
      for (const t of ['floor', 'reference'] as const) figures[t].push(await runLoad(origin(t), servers[t].pid, lists[t], connections, duration));
    }
    const floorSummary = summarise(figures.floor);
    const referenceSummary = summarise(figures.reference);
    const roundRatios = figures.reference.map((r, i) => r.responses / r.seconds / (figures.floor[i]!.responses / figures.floor[i]!.seconds));
    results[scenario.name] = {
      floor: floorSummary, reference: referenceSummary, ratio: median(roundRatios), roundRatios,
      pooledRatio: referenceSummary.requestsPerSecond / floorSummary.requestsPerSecond,
    };
    process.stdout.write(`  ${scenario.label}: done\n`);
  }

  await reference.stop(); // writes the CPU profile when --profile is on
  await floor.stop();

  printTable(scenarios, results);
  const getRatio = results.get?.ratio;
  const memoryMB = memory.retainedMB ?? NaN;
  const targets = {
    getRatio: { target: `>= ${TARGET_GET_RATIO}`, actual: getRatio ?? null, pass: getRatio === undefined ? null : getRatio >= TARGET_GET_RATIO },
    memory10k: { target: `< ${TARGET_MEMORY_MB.toFixed(1)} MB`, actualMB: memoryMB, pass: memoryMB < TARGET_MEMORY_MB },
  };
  console.log(`\nmemory, ${memory.entities} entities (draft base connections with auth + draft flows), heap used (1 MB = 10^6 bytes):`);
  console.log(`  baseline ${mb(memory.heapUsedBaselineBytes)}, after creating ${mb(memory.heapUsedBeforeGcBytes)} before gc, ${mb(memory.heapUsedAfterGcBytes)} after gc`);
  console.log(`  retained ${memoryMB.toFixed(2)} MB, ${memory.bytesPerEntity} bytes per entity (target < ${TARGET_MEMORY_MB.toFixed(1)} MB): ${verdict(targets.memory10k.pass)}`);
  const patch = results.patch?.reference;
  if (patch) {
    // The PATCH figures only mean something if the etag chaining worked: a 412 is cheaper than a real update.
    const ok = (patch.statusCounts['200'] ?? 0) / patch.responses;
    console.log(`PATCH answers that were 200: ${(ok * 100).toFixed(2)}% (must be > 99%): ${verdict(ok > 0.99)}`);
  }
  if (getRatio !== undefined) console.log(`GET by id: reference/floor ${(getRatio * 100).toFixed(0)}% (target >= ${TARGET_GET_RATIO * 100}%): ${verdict(targets.getRatio.pass)}`);

  let profile: Awaited<ReturnType<typeof summariseProfile>> | undefined;
  const profileFile = opts.profile ? await mainThreadProfile(PROFILE_DIR, reference.pid) : undefined;
  if (profileFile) {
    profile = await summariseProfile(profileFile);
    console.log(`\nCPU profile of the reference child (${profileFile}), ${profile.busyMs.toFixed(0)} ms busy; self time:`);
    for (const h of profile.selfTime) console.log(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
    console.log('server functions, including what they call:');
    for (const h of profile.serverInclusive) console.log(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
  }

  await mkdir('reports', { recursive: true });
  const config = { rounds, durationSeconds: duration, warmupSeconds: warmup, connections, pipelining: 1, cpus: cpus().length, loadAverageAtStart: load, node: process.version };
  await writeFile(REPORT, JSON.stringify({ date: new Date().toISOString(), config, scenarios: results, memory, targets, profile }, null, 2) + '\n');
  console.log(`\nwrote ${REPORT}`);
}

function printTable(scenarios: Scenario[], results: Record<string, Outcome>): void {
  const rows = [['scenario', 'server', 'req/s', 'rounds req/s', 'p50 ms', 'p99 ms', 'responses', 'non-2xx', 'errors', 'CPU srv/client', 'ref/floor']];
  for (const s of scenarios) {
    const r = results[s.name]!;
    for (const t of ['floor', 'reference'] as const) {
      const x = r[t];
      rows.push([
        s.label, t, x.requestsPerSecond.toFixed(0), x.roundsRequestsPerSecond.map((v) => v.toFixed(0)).join('/'),
        x.p50Ms.toFixed(2), x.p99Ms.toFixed(2), String(x.responses), String(x.non2xx), String(x.errors + x.timeouts),
        `${x.serverCores.toFixed(2)}/${x.clientCores.toFixed(2)}${clientBound(x) ? '*' : ''}`,
        t === 'reference' ? `${(r.ratio * 100).toFixed(0)}%` : '',
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log('');
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('ref/floor: median over rounds of reference/floor, each pair measured back to back.');
  console.log('CPU srv/client: cores busy in the server child / in autocannon (this process).');
  if (Object.values(results).some((r) => clientBound(r.floor) || clientBound(r.reference))) {
    console.log('* autocannon was the bottleneck: that row is the load generator\'s ceiling, so its ratio flatters the reference.');
  }
}

/** autocannon near a full core while the server has time to spare: the figure is the load generator's ceiling. */
const clientBound = (x: Summary) => x.clientCores > 0.9 && x.serverCores < 0.85;
const mb = (bytes: number | undefined) => `${((bytes ?? NaN) / 1e6).toFixed(2)} MB`;
const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'MET' : 'MISSED');

await runStoppingChildren(main);
