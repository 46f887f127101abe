// Section 3: the reference server against Prism's mock of the same OpenAPI file and against the bare node:http floor,
// for GET by id and list with limit=10. Each server runs in its own process and autocannon runs here; rounds go
// floor, reference, Prism, floor, reference, Prism... so a machine that slows down mid-run slows all three alike.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AutocannonRequest } from 'autocannon';
import { BASE_PATH } from '../server/app.ts';
import { startChild, stopper, type Child } from './children.ts';
import { runLoad, summarise, type RunFigures, type Summary } from './load.ts';
import { HEADERS } from './seed.ts';
import { median } from './stats.ts';

export const TARGETS = ['floor', 'reference', 'prism'] as const;
export type ServerTarget = (typeof TARGETS)[number];
export const SCENARIOS = { get: 'GET by id', list: 'list limit=10' } as const;
export type Scenario = keyof typeof SCENARIOS;

export interface ServerComparison {
  rows: Record<Scenario, Record<ServerTarget, Summary>>;
  /** Median over rounds of reference/other, each round's pair measured back to back. */
  ratios: Record<Scenario, { referenceOverPrism: number; referenceOverFloor: number }>;
  prismStartMs: number;
}


/** A port free on 127.0.0.1 right now, for a child server that must be told its port (Prism). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Prism from node_modules/.bin (its shebang execs node, so the PID is the server's); stopped by stopAll too. */
async function startPrism(): Promise<Child & { startMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn('node_modules/.bin/prism', ['mock', 'specs/flow-service.yaml', '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = stopper(proc);
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (proc.exitCode !== null) throw new Error(`prism exited (${proc.exitCode}) before listening\n${stderr}`);
    const answered = await fetch(`${url}/connections?limit=1`, { headers: HEADERS }).then((r) => r.status, () => 0);
    if (answered > 0) break;
    if (waited > 30_000) {
      await stop();
      throw new Error(`prism did not answer within 30 s\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: proc.pid!, stop, startMs: performance.now() - started };
}

async function text(url: string): Promise<string> {
  const response = await fetch(url, { headers: HEADERS });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}

export async function compareServers(options: { rounds: number; duration: number; warmup: number; connections: number }, log: (line: string) => void): Promise<ServerComparison> {
  const reference = await startChild('serve-reference.ts', { args: ['--seed-entities', '20'] });
  const listBody = await text(`${reference.url}/connections?limit=10`);
  const id = (JSON.parse(listBody) as { items: { id: string }[] }).items[0]!.id;
  const getBody = await text(`${reference.url}/connections/${id}`);
  // the floor answers what the reference answered, so the bytes on the wire are alike
  const floors = {
    get: await startChild('serve-floor.ts', { env: { FLOOR_BODY: getBody } }),
    list: await startChild('serve-floor.ts', { env: { FLOOR_BODY: listBody } }),
  };
  const prism = await startPrism();
  log(`  Prism answering after ${(prism.startMs / 1000).toFixed(1)} s`);
  try {
    const server = (t: ServerTarget, s: Scenario) => (t === 'floor' ? floors[s] : t === 'reference' ? reference : prism);
    const base = (t: ServerTarget) => (t === 'prism' ? '' : BASE_PATH); // Prism serves the spec's paths at its root
    const requests = (t: ServerTarget, s: Scenario): AutocannonRequest[] => [
      { method: 'GET', path: `${base(t)}/connections${s === 'get' ? `/${id}` : '?limit=10'}`, headers: HEADERS },
    ];
    const run = (t: ServerTarget, s: Scenario, seconds: number) => runLoad(new URL(server(t, s).url).origin, server(t, s).pid, requests(t, s), options.connections, seconds);
    const scenarios = Object.keys(SCENARIOS) as Scenario[];
    const figures = Object.fromEntries(scenarios.map((s) => [s, { floor: [], reference: [], prism: [] }])) as unknown as Record<Scenario, Record<ServerTarget, RunFigures[]>>;
    if (options.warmup > 0) for (const s of scenarios) for (const t of TARGETS) await run(t, s, options.warmup);
    for (let round = 0; round < options.rounds; round++) {
      for (const s of scenarios) for (const t of TARGETS) figures[s][t].push(await run(t, s, options.duration));
      log(`  servers round ${round + 1}/${options.rounds} done`);
    }
    const rate = (r: RunFigures) => r.responses / r.seconds;
    const roundRatio = (s: Scenario, other: ServerTarget) => median(figures[s].reference.map((r, i) => rate(r) / rate(figures[s][other][i]!)));
    const rows = {} as ServerComparison['rows'];
    const ratios = {} as ServerComparison['ratios'];
    for (const s of scenarios) {
      rows[s] = { floor: summarise(figures[s].floor), reference: summarise(figures[s].reference), prism: summarise(figures[s].prism) };
      ratios[s] = { referenceOverPrism: roundRatio(s, 'prism'), referenceOverFloor: roundRatio(s, 'floor') };
    }
    return { rows, ratios, prismStartMs: prism.startMs };
  } finally {
    await prism.stop();
    await Promise.all([reference.stop(), floors.get.stop(), floors.list.stop()]);
  }
}
