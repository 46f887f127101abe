// `npm run bench [-- --rounds 5 --server-rounds 3 --duration 2 --budgets 10,100,1000 --fault-rounds 3 --sections 1,3,4,5]`
// The kit's whole performance picture in one run (about 4.5 minutes on 2 cores, plus section 5): (1) the full default
// conformance run against its floor, (2) where its time goes, (3) the reference server against Prism and the node:http
// floor, (4) growth: the server with 1k..100k stored entities, the run with --runs 10..1000, the time to catch faults,
// (5) real network conditions: the full default --target run 100 ms away, and behind a 429 limiter (`--no-limiter`
// leaves that one out: every third request waits a second, so it takes many minutes).
// Prints one table and the target verdicts; writes reports/bench.json and BENCHMARKS.md. `--sections 5` alone
// updates only section 5 of BENCHMARKS.md (and writes reports/bench-network.json).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runStoppingChildren } from './children.ts';
import { compareServers, SCENARIOS, TARGETS, type ServerComparison } from './compare-servers.ts';
import { BENCH_SEED, benchConformance, type ConformanceFigures } from './conformance-bench.ts';
import { DEFAULTS } from '../kit/config.ts';
import { catchEveryFault, type EveryFault } from './fault-catch.ts';
import { kitGrowth, type KitGrowth } from './growth-kit.ts';
import { serverGrowth, type ServerGrowth } from './growth-server.ts';
import { benchLatency, type ConditionRun } from './latency-bench.ts';
import { describeMachine, machine, markdown, networkMarkdown, networkSectionOf, replaceNetworkSection, TARGET, textTable, verdictLine, type Row, type Verdict } from './report.ts';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'server-rounds': { type: 'string', default: '3' },
    duration: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '10' },
    budgets: { type: 'string', default: '10,100,1000' },
    'fault-rounds': { type: 'string', default: '3' },
    sections: { type: 'string', default: '1,3,4,5' },
    'delay-ms': { type: 'string', default: '100' },
    'no-limiter': { type: 'boolean', default: false },
  },
});
const sections = new Set(opts.sections.split(','));
const REPORT = 'reports/bench.json';
const COMMAND = 'npm run bench';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const x = (r: number) => `${r.toFixed(2)}x`;
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const mb = (m: number) => `${m.toFixed(0)} MB`;
const log = (line: string) => console.log(line);
const section = (title: string) => log(`\n${title} (load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')})`);

function conformanceRows(c: ConformanceFigures): Row[] {
  const m = c.model;
  const aloneMsPerRequest = 1000 / m.httpPerSecond;
  const rows: Row[] = [
    ['1 run vs floor', `full default run (--seed ${BENCH_SEED}), median of ${c.runs.length}`, s(c.wallMs), `CPU ${s(c.cpuMs)} (user+sys, process tree); peak RSS ${mb(c.peakRssMB)} largest process, ${mb(c.treeRssMB)} tree; walls ${c.runs.map((r) => (r.wallMs / 1000).toFixed(1)).join('/')} s`],
    ['', 'HTTP exchanges it made', String(c.exchanges), `counted by a recording reference server (run with --target); ${m.requests} of them in ORD-007 alone, whose ${m.countedSteps} model steps ${m.countedSteps === m.steps ? 'equal' : 'differ from'} the timed run's ${m.steps}`],
    ['', 'floor a: replay, sequential', ms(c.replay.sequential.ms), `${ms(c.replay.sequential.ms / c.replay.sequential.requests)} per request; ${pct(c.replay.sequential.statusAgreement)} of statuses as recorded`],
    ['', 'floor a: replay, concurrency 2', ms(c.replay.concurrent.ms), `${pct(c.replay.concurrent.statusAgreement)} of statuses as recorded`],
    ['', 'floor b: runner start, one empty test', ms(c.runnerStart.directMs), `node @playwright/test/cli.js as the CLI runs it (CPU ${ms(c.runnerStart.directCpuMs)}); \`npx playwright test\` ${ms(c.runnerStart.npxMs)}`],
    ['', 'floor = runner start + replay (conc. 2)', s(c.floorMs), `with the sequential replay ${s(c.floorSequentialMs)}`],
    ['', 'run / floor', x(c.ratio), `against the sequential-replay floor ${x(c.wallMs / c.floorSequentialMs)}`],
    ['2 where the time goes', 'CLI start (--version)', ms(c.cliStartMs), 'node + tsx + the CLI modules'],
    ['', 'Playwright runner start', ms(c.runnerStart.directMs), 'floor b'],
    ['', 'worker: imports', ms(c.discovery.importMs), 'Playwright and the suites\' support modules, in a fresh process'],
    ['', 'worker: target + transport', ms(c.discovery.targetAndContextMs), ''],
    ['', 'discovery (per worker)', ms(c.discovery.discoveryColdMs), `cold, ${c.discovery.exchanges} exchanges; warm ${ms(c.discovery.discoveryWarmMs)}`],
    ...c.areas.map((a): Row => ['', `area ${a.area} (${a.checks} requirements)`, ms(a.ms), a.area === 'order' ? 'ORD-007 on its own row' : '']),
    ['', 'model-based suite (ORD-007)', ms(m.ms), `${m.steps} steps in ${m.runs} runs = ${m.opsPerSecond.toFixed(0)} ops/s; ${m.requestsPerStep.toFixed(2)} HTTP requests/step, ${m.httpPerSecond.toFixed(0)} req/s (${ms(aloneMsPerRequest)} each) run alone; mean round trip ${ms(m.exchangeMeanMs)} as recorded in the full run`],
    ['', 'property suite (API-007/008/011, DRAFT-001..004)', ms(c.properties.ms), `${c.properties.cases} cases in ${c.properties.tests} properties = ${c.properties.casesPerSecond.toFixed(0)} cases/s; ${c.properties.requests} requests answered = ${c.properties.requestsPerSecond.toFixed(0)} req/s (setup and clean-up included), beside ORD-007's ${m.opsPerSecond.toFixed(0)} steps/s`],
    ['', 'all checks, summed over both workers', ms(c.testsMs), ''],
    ['', 'Playwright\'s HTML report', ms(c.reports.playwrightHtmlMs), 'outcomes.json written -> last playwright-report file written'],
    ['', 'CLI reports + exit', ms(c.reports.cliReportsAndExitMs), `runner child's last write -> CLI exit; results.json -> junit + html rendered in-process: ${ms(c.reports.renderMs)}`],
    ...c.slowest.map((t, i): Row => ['', `slowest check #${i + 1}`, ms(t.ms), `${t.tags.join(' ')} ${t.title.slice(0, 70)}`]),
  ];
  return rows;
}

function serverRows(v: ServerComparison): Row[] {
  const rows: Row[] = [];
  for (const scenario of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
    for (const target of TARGETS) {
      const r = v.rows[scenario][target];
      rows.push([rows.length === 0 ? '3 servers' : '', `${SCENARIOS[scenario]}: ${target}`, `${r.requestsPerSecond.toFixed(0)} req/s`,
        `p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}; non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts}; cores server ${r.serverCores.toFixed(2)} / autocannon ${r.clientCores.toFixed(2)}`]);
    }
    const ratio = v.ratios[scenario];
    rows.push(['', `${SCENARIOS[scenario]}: reference / Prism`, x(ratio.referenceOverPrism), `reference / floor ${pct(ratio.referenceOverFloor)}`]);
  }
  rows.push(['', 'Prism start', ms(v.prismStartMs), 'spawn -> first answer']);
  return rows;
}

function everyFaultRows(e: EveryFault | undefined): Row[] {
  if (!e) return [];
  const slowest = [...e.faults].sort((a, b) => b.medianMs - a.medianMs).slice(0, 5);
  const missed = e.faults.filter((f) => !f.caught).map((f) => f.fault);
  return [
    ['', `catch every scenario fault (${e.faults.length}), checks only`, ms(e.medianMs), `median over faults of each one's median of ${e.roundWallMs.length}; p90 ${ms(e.p90Ms)}, max ${ms(e.maxMs)}; caught ${e.caught}/${e.faults.length}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}; all ${e.faults.length} in one run of ${e.roundWallMs.map((w) => (w / 1000).toFixed(1)).join('/')} s on 2 workers`],
    ['', 'slowest scenario faults to catch', ms(slowest[0]?.medianMs ?? NaN), slowest.map((f) => `${f.fault} (${f.requirements.join(', ')}) ${ms(f.medianMs)}${f.medianMs >= DEFAULTS.settleTimeoutMs ? ': an entity left in a transitional state is polled for settleTimeoutMs before the check fails' : ''}`).join('; ')],
  ];
}

function growthRows(g: ServerGrowth | undefined, k: KitGrowth | undefined): Row[] {
  const rows: Row[] = [];
  for (const size of g?.sizes ?? []) {
    rows.push([rows.length === 0 ? '4 growth' : '', `${size.entities / 1000}k entities: list limit=10 p99`, ms(size.list.p99Ms),
      `p50 ${ms(size.list.p50Ms)}, ${size.list.requestsPerSecond.toFixed(0)} req/s; GET by id p99 ${ms(size.get.p99Ms)}, ${size.get.requestsPerSecond.toFixed(0)} req/s; heap ${mb(size.heapUsedMB)}, RSS ${mb(size.rssMB)} (${mb(size.rssAfterLoadMB)} after load)`]);
  }
  if (g) {
    rows.push(['', 'memory per entity (1k -> 100k)', `${g.heapBytesPerEntity.toFixed(0)} B`, `heap after GC; RSS ${g.rssBytesPerEntity.toFixed(0)} B per entity`]);
    rows.push(['', 'list p99 at 100k / at 1k', x(g.listP99Growth), '']);
  }
  if (k) {
    for (const b of k.budgets) rows.push([rows.length === 0 ? '4 growth' : '', `full run, --runs ${b.runs}`, s(b.wallMs), `ORD-007 ${s(b.ord007Ms)}, ${b.steps} steps, ${ms(b.msPerRun)} per model run`]);
    rows.push(['', 'ORD-007 per model run (least squares)', ms(k.fit.msPerRun), `+ ${ms(k.fit.fixedMs)} fixed; between budgets ${k.fit.marginalMsPerRun.map((m) => `${m.from}->${m.to}: ${ms(m.msPerRun)}`).join(', ')} per run (equal if linear)`]);
    for (const f of k.faults) rows.push(['', `catch ${f.fault}`, s(f.medianMs), `${f.requirements.join(', ')}: ${f.caught ? 'caught' : 'NOT caught'}; runs ${f.wallMs.map((w) => (w / 1000).toFixed(1)).join('/')} s`]);
    const m = k.model;
    rows.push(['', `catch ${m.fault}`, s(m.medianMs), `ORD-007 --runs 200 --seed 2: failed at run ${m.runsToFailure}, shrunk to ${m.shrunkSteps} steps; runs ${m.wallMs.map((w) => (w / 1000).toFixed(1)).join('/')} s`]);
    rows.push(['', 'ORD-007: find vs shrink', ms(m.ord007Ms), `to the first failure ~${ms(m.toFirstFailureMs)} (same seed's first ${m.runsToFailure} runs, healthy server), shrinking ~${ms(m.shrinkMs)}; ${m.steps} steps in all`]);
  }
  return rows;
}

function networkRows(runs: ConditionRun[] | undefined): Row[] {
  return (runs ?? []).map((r, i): Row => {
    const st = r.stats;
    const limited = st.served429 > 0 ? `; ${st.served429} answered 429, ${st.retriedEarly} sent again before their Retry-After, ${st.ignoredHold} sent while another worker's ran` : '';
    const model = r.model ? `; ORD-007 ${r.model.runs} runs, ${r.model.steps} steps` : '';
    const status = Object.entries(r.counts).map(([k, n]) => `${n} ${k}`).join(', ');
    return [i === 0 ? '5 network' : '', r.label, s(r.wallMs),
      `exit ${r.code} (${r.verdict}: ${status}); ${st.requests} requests, ${st.entitiesCreated} entities created, peak ${st.peakInFlight} in flight (over 4 for ${pct(r.above4)} of the busy time: the races)${limited}${model} in ${s(r.ord007Ms)}; idle ${s(r.idleMs)} between the first request and the last (longest ${s(r.longestIdleMs)}: the workers starting); load average ${r.loadAverage.toFixed(1)} at the end`];
  });
}

function networkVerdicts(runs: ConditionRun[] | undefined): Verdict[] {
  const latency = runs?.[0];
  if (!latency) return [];
  const out: Verdict[] = [{
    target: `full default --target run at ${opts['delay-ms']} ms a request: exit 0 within ${TARGET.latencyRunMs / 1000} s`, pass: latency.code === 0 && latency.wallMs <= TARGET.latencyRunMs,
    figure: `exit ${latency.code} in ${s(latency.wallMs)}, ${latency.stats.requests} requests, peak ${latency.stats.peakInFlight} in flight`,
    bound: `${latency.stats.requests} requests at ${opts['delay-ms']} ms over 4 workers are ${s((latency.stats.requests * Number(opts['delay-ms'])) / 4)} of waiting at best; ORD-007 alone took ${s(latency.ord007Ms)} (one test, its requests one after another); the target sat idle ${s(latency.idleMs)} in stretches of over a second (longest ${s(latency.longestIdleMs)}, between the preflight and the workers' first request: runner and workers starting), load average ${latency.loadAverage.toFixed(1)} at the end`,
  }];
  const limited = runs[1];
  if (limited) out.push({ target: 'full default --target run behind the 429 limiter: exit 0, every Retry-After honoured', pass: limited.code === 0 && limited.stats.retriedEarly === 0, figure: `exit ${limited.code} in ${s(limited.wallMs)}; ${limited.stats.served429} 429s, ${limited.stats.retriedEarly} retried early` });
  return out;
}

function verdicts(c: ConformanceFigures | undefined, v: ServerComparison | undefined, g: ServerGrowth | undefined): Verdict[] {
  const out: Verdict[] = [];
  if (c) {
    const m = c.model;
    const stepMs = 1000 / m.opsPerSecond;
    out.push({
      target: `full default conformance run <= ${TARGET.runOverFloor}x its floor`, pass: c.ratio <= TARGET.runOverFloor,
      figure: `${x(c.ratio)} (${s(c.wallMs)} against ${s(c.floorMs)})`,
      bound: `beyond the floor's ${s(c.floorMs)}, the run spends CLI start ${ms(c.cliStartMs)}, worker imports ${ms(c.discovery.importMs)}, ${s(c.testsMs)} of checks summed over both workers (ORD-007 ${s(m.ms)}, serial in one), reports ${ms(c.reports.playwrightHtmlMs + c.reports.cliReportsAndExitMs)}; its ${c.exchanges} exchanges take ${ms(m.exchangeMeanMs)} each (round trip) in ORD-007 against ${ms(m.replayMsPerRequest)} in the bare replay`,
    });
    out.push({
      target: `model-based suite >= ${TARGET.modelOpsPerSecond} operations/s against the embedded server`, pass: m.opsPerSecond >= TARGET.modelOpsPerSecond,
      figure: `${m.opsPerSecond.toFixed(0)} ops/s (${m.steps} steps in ${s(m.ms)}); ${m.httpPerSecond.toFixed(0)} HTTP req/s run alone`,
      bound: `${m.requestsPerStep.toFixed(2)} HTTP requests per step at ${ms(1000 / m.httpPerSecond)} each (ORD-007 alone) = ${ms(m.requestsPerStep * 1000 / m.httpPerSecond)} per step against the ${ms(1000 / TARGET.modelOpsPerSecond)} the target allows (${ms(stepMs)} in the full run); the server's share is ~${ms(m.replayMsPerRequest)} per request (bare replay), the rest is the kit's client side (transport, recording, schema checks)`,
    });
  }
  if (v) {
    const get = v.ratios.get;
    const r = v.rows.get;
    out.push({
      target: `reference server >= ${TARGET.overPrism}x Prism's req/s on GET by id`, pass: get.referenceOverPrism >= TARGET.overPrism,
      figure: `${x(get.referenceOverPrism)} (${r.reference.requestsPerSecond.toFixed(0)} against ${r.prism.requestsPerSecond.toFixed(0)} req/s)`,
      bound: `Prism at ${r.prism.serverCores.toFixed(2)} cores, reference at ${r.reference.serverCores.toFixed(2)}`,
    });
    out.push({
      target: `reference server >= ${pct(TARGET.overFloor)} of the node:http floor on GET by id`, pass: get.referenceOverFloor >= TARGET.overFloor,
      figure: `${pct(get.referenceOverFloor)} (${r.reference.requestsPerSecond.toFixed(0)} against ${r.floor.requestsPerSecond.toFixed(0)} req/s)`,
      bound: `reference at ${r.reference.serverCores.toFixed(2)} cores against the floor's ${r.floor.serverCores.toFixed(2)}`,
    });
  }
  if (g) {
    const first = g.sizes[0]!;
    const last = g.sizes[g.sizes.length - 1]!;
    out.push({
      target: `list limit=10 p99 at 100k entities within ${TARGET.p99Growth}x of 1k`, pass: g.listP99Growth <= TARGET.p99Growth,
      figure: `${x(g.listP99Growth)} (${ms(last.list.p99Ms)} against ${ms(first.list.p99Ms)})`,
      bound: `heap ${mb(last.heapUsedMB)} at 100k: garbage collection pauses grow with the live heap`,
    });
    out.push({
      target: 'memory under 2 KB per entity', pass: g.heapBytesPerEntity < TARGET.bytesPerEntity,
      figure: `${g.heapBytesPerEntity.toFixed(0)} B heap (${g.rssBytesPerEntity.toFixed(0)} B RSS) per entity`,
      bound: `heap ${mb(first.heapUsedMB)} at 1k, ${mb(last.heapUsedMB)} at 100k`,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const host = machine();
  log(`bench: ${describeMachine(host)}; load average ${host.loadAverage.map((l) => l.toFixed(2)).join(' / ')}`);
  if (host.loadAverage[0]! > host.nproc * 0.5) log('  note: the machine is busy with other work; expect noisy figures');
  const config = { rounds: Number(opts.rounds), serverRounds: Number(opts['server-rounds']), duration: Number(opts.duration), warmup: Number(opts.warmup), connections: Number(opts.connections), budgets: opts.budgets.split(',').map(Number), faultRounds: Number(opts['fault-rounds']) };
  let conformance: ConformanceFigures | undefined;
  let servers: ServerComparison | undefined;
  let grownServer: ServerGrowth | undefined;
  let grownKit: KitGrowth | undefined;
  let everyFault: EveryFault | undefined;
  let network: ConditionRun[] | undefined;
  if (sections.has('1')) {
    section('1-2. conformance run against its floor');
    conformance = await benchConformance(config.rounds, log);
  }
  if (sections.has('3')) {
    section('3. reference server, Prism, node:http floor');
    servers = await compareServers({ rounds: config.serverRounds, duration: config.duration, warmup: config.warmup, connections: config.connections }, log);
  }
  if (sections.has('4')) {
    section('4. growth: stored entities');
    grownServer = await serverGrowth({ rounds: 2, duration: config.duration, connections: config.connections }, log);
    section('4. growth: model budget and faults');
    grownKit = await kitGrowth(log, config.budgets);
    section('4. growth: the time to catch every scenario fault');
    everyFault = await catchEveryFault(config.faultRounds, log);
  }
  if (sections.has('5')) {
    section('5. real network conditions');
    network = await benchLatency({ delayMs: Number(opts['delay-ms']), limiter: !opts['no-limiter'] }, log);
  }
  const mainRows = [...(conformance ? conformanceRows(conformance) : []), ...(servers ? serverRows(servers) : []), ...growthRows(grownServer, grownKit), ...everyFaultRows(everyFault)];
  const mainVerdicts = verdicts(conformance, servers, grownServer);
  const netRows = networkRows(network);
  const netVerdicts = networkVerdicts(network);
  const rows = [...mainRows, ...netRows];
  const results = [...mainVerdicts, ...netVerdicts];
  const seconds = (performance.now() - started) / 1000;
  log(`\n${textTable(rows)}\n`);
  for (const v of results) log(verdictLine(v));
  log(`\nbench took ${seconds.toFixed(0)} s; load average now ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  await mkdir('reports', { recursive: true });
  const command = `${COMMAND}${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const previous = await readFile('BENCHMARKS.md', 'utf8').catch(() => '');
  const networkSection = network ? networkMarkdown(host, netRows, netVerdicts, command) : networkSectionOf(previous);
  if (sections.size === 1 && network) {
    // only section 5 ran: the other figures in BENCHMARKS.md stay as the last full bench wrote them
    await writeFile('reports/bench-network.json', JSON.stringify({ date: host.date, machine: host, seconds, network, verdicts: results }, null, 2) + '\n');
    await writeFile('BENCHMARKS.md', replaceNetworkSection(previous, networkSection));
    log('wrote reports/bench-network.json and section 5 of BENCHMARKS.md');
    return;
  }
  await writeFile(REPORT, JSON.stringify({ date: host.date, machine: host, config, seconds, conformance, servers, growth: { server: grownServer, kit: grownKit, everyFault }, network, verdicts: results }, null, 2) + '\n');
  await writeFile('BENCHMARKS.md', replaceNetworkSection(markdown(host, mainRows, mainVerdicts, command, seconds), networkSection));
  log(`wrote ${REPORT} and BENCHMARKS.md`);
}

await runStoppingChildren(main);
