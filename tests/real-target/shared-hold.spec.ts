// A 429 told to one worker holds every worker: the "not before" file the CLI names for a --target run is read before
// each request and extended on each 429 (or 503 with Retry-After). Workers are separate processes sharing only that
// file; two clients here share only it too (SharedHold keeps no state in memory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SharedHold } from '../../kit/hold.ts';
import { FlowClient } from '../../suites/support/client.ts';
import { nodeTransport } from '../../suites/support/transport.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import { json, misbehaving, type Rig } from './misbehaving-server.ts';

let rig: Rig | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await rig?.close();
  rig = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The first request is answered 429 with Retry-After: 1, every later one 200. */
const firstIsLimited = (_req: unknown, res: Parameters<typeof json>[0], n: number) =>
  n === 0 ? json(res, 429, { message: 'Too many requests' }, { 'retry-after': '1' }) : json(res, 200, { items: [] });

/** Client A gets the 429; client B, another "worker" on the same target, asks 200 ms later. */
async function twoWorkers(holdFile: string | undefined): Promise<{ limitedAt: number; secondWorkerAt: number; b: Promise<unknown> }> {
  rig = await misbehaving(firstIsLimited, {}, 'node');
  if (holdFile) (rig.client.target as { holdFile?: string }).holdFile = holdFile;
  const transport = nodeTransport();
  const b = new FlowClient(transport, rig.client.target, new Recorder(new Redactor([])));
  const a = rig.client.list('flows', '');
  await expect.poll(() => rig!.hits.length).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const second = b.list('connections', '').finally(() => transport.dispose());
  await Promise.all([a, second]);
  const byB = rig.hits.find((h) => h.path.startsWith('/connections'))!;
  return { limitedAt: rig.hits[0]!.at, secondWorkerAt: byB.at, b: second };
}

test('without a shared hold the other worker goes on sending (the control)', async () => {
  const { limitedAt, secondWorkerAt } = await twoWorkers(undefined);
  expect(secondWorkerAt - limitedAt).toBeLessThan(900);
});

test('with a shared hold file the other worker waits out the Retry-After too', async () => {
  dir = mkdtempSync(join(tmpdir(), 'hold-'));
  const { limitedAt, secondWorkerAt } = await twoWorkers(join(dir, 'hold-until'));
  expect(secondWorkerAt - limitedAt).toBeGreaterThanOrEqual(950);
  // A's retry and B's request both went out once the hold ran out, not one after the other
  const retry = rig!.hits[1]!;
  expect(Math.abs(retry.at - secondWorkerAt)).toBeLessThan(500);
});

test('a hold is only ever extended, and two instances on one file see the same instant', async () => {
  dir = mkdtempSync(join(tmpdir(), 'hold-'));
  const file = join(dir, 'hold-until');
  const one = new SharedHold(file);
  const other = new SharedHold(file);
  expect(other.until()).toBe(0);
  const later = Date.now() + 300;
  one.extend(later);
  other.extend(later - 200); // an earlier instant does not shorten the hold
  expect(one.until()).toBe(later);
  const started = Date.now();
  const waited = await other.wait();
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  expect(waited).toBeGreaterThan(0);
  expect(await one.wait()).toBe(0);
});
