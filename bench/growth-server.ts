// Section 4a: how the reference server grows with its store. Three children seeded with 1k, 10k and 100k draft base
// connections (through service.handle, before they listen), heap and RSS read after a full GC, then list limit=10 and
// GET by id (cycling over a sample of the stored ids) under autocannon, interleaved across the three sizes.
import type { AutocannonRequest } from 'autocannon';
import { BASE_PATH } from '../server/app.ts';
import { startChild, type Child } from './children.ts';
import type { ServerStats } from './instrument.ts';
import { runLoad, summarise, type RunFigures, type Summary } from './load.ts';
import { HEADERS } from './seed.ts';

export const SIZES = [1_000, 10_000, 100_000] as const;

export interface SizeFigures {
  entities: number;
  seedMs: number;
  heapUsedMB: number;
  rssMB: number;
  /** RSS after the load runs (buffers, JIT code and garbage included). */
  rssAfterLoadMB: number;
  list: Summary;
  get: Summary;
}

export interface ServerGrowth {
  sizes: SizeFigures[];
  /** (heap at 100k − heap at 1k) / 99k, and the same for RSS: what one more entity costs. */
  heapBytesPerEntity: number;
  rssBytesPerEntity: number;
  /** p99 of list limit=10 at 100k over its value at 1k. */
  listP99Growth: number;
}


async function stats(child: Child): Promise<ServerStats> {
  const response = await fetch(`${new URL(child.url).origin}/__bench/stats`);
  return (await response.json()) as ServerStats;
}

export async function serverGrowth(options: { rounds: number; duration: number; connections: number }, log: (line: string) => void): Promise<ServerGrowth> {
  const children: Child[] = [];
  const seedMs: number[] = [];
  try {
    // one at a time: each seeds at full speed, and the seeding time is a figure of its own
    for (const size of SIZES) {
      const started = performance.now();
      children.push(await startChild('serve-reference.ts', { nodeFlags: ['--expose-gc'], args: ['--count', '--seed-entities', String(size)] }));
      seedMs.push(performance.now() - started);
    }
    const before = await Promise.all(children.map(stats));
    log(`  seeded ${SIZES.join(', ')} entities in ${seedMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s (process start included)`);
    const requests = (i: number, scenario: 'list' | 'get'): AutocannonRequest[] => {
      if (scenario === 'list') return [{ method: 'GET', path: `${BASE_PATH}/connections?limit=10`, headers: HEADERS }];
      const ids = before[i]!.ids;
      let next = 0;
      return [{
        method: 'GET', headers: HEADERS,
        setupRequest: (request) => ({ ...request, path: `${BASE_PATH}/connections/${ids[next++ % ids.length]}` }),
      }];
    };
    const figures = SIZES.map(() => ({ list: [] as RunFigures[], get: [] as RunFigures[] }));
    for (let round = 0; round < options.rounds; round++) {
      for (const scenario of ['list', 'get'] as const) {
        for (const [i, child] of children.entries()) {
          figures[i]![scenario].push(await runLoad(new URL(child.url).origin, child.pid, requests(i, scenario), options.connections, options.duration));
        }
      }
      log(`  growth round ${round + 1}/${options.rounds} done`);
    }
    const after = await Promise.all(children.map(stats));
    const sizes = SIZES.map((entities, i) => ({
      entities, seedMs: seedMs[i]!, heapUsedMB: before[i]!.heapUsedBytes / 1e6, rssMB: before[i]!.rssBytes / 1e6, rssAfterLoadMB: after[i]!.rssBytes / 1e6,
      list: summarise(figures[i]!.list), get: summarise(figures[i]!.get),
    }));
    const first = sizes[0]!;
    const last = sizes[sizes.length - 1]!;
    const span = last.entities - first.entities;
    return {
      sizes,
      heapBytesPerEntity: ((last.heapUsedMB - first.heapUsedMB) * 1e6) / span,
      rssBytesPerEntity: ((last.rssMB - first.rssMB) * 1e6) / span,
      listP99Growth: last.list.p99Ms / first.list.p99Ms,
    };
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}
