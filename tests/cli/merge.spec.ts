// merge: real shards of a small selection, joined. Every shard once gives the unsharded verdict; a shard alone gives no
// verdict and names the one missing; the same shard twice, shards of another run or another split, and dirs that are
// no shards are refused with one line and exit 2; the merged report links only Playwright reports that exist.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Results } from '../../cli/results.ts';
import { RUN_SETTING_ENV } from '../../kit/run-settings.ts';
import { readResults, runCli, type CliRun } from '../support/run-cli.ts';

const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
// ORD-007's four parts are four tests: with this selection shard 1 runs parts 1-3 and shard 2 part 4 (Playwright
// splits the sorted test list), so both must draw the one seed of the run. No ID of the property suite (API-007/008/011,
// DRAFT-001..004): its tests move the split, which then left every ORD-007 part to one shard
const SELECTION = ['--requirement', 'DRAFT-005,ETAG-004,ORD-007,UPD-001', '--runs', '4'];
const RUN = { [RUN_SETTING_ENV.shardRunId]: 'merge-spec-run' };

test.describe.configure({ mode: 'serial' });

let root = '';
let whole = '';
let s1 = '';
let s2 = '';
let unsharded: CliRun;

test.beforeAll(async () => {
  // three small runs side by side on a shared 2-core machine
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'fck-merge-'));
  [whole, s1, s2] = ['whole', 's1', 's2'].map((d) => join(root, d)) as [string, string, string];
  const runs = await Promise.all([
    runCli(['--report-dir', whole, ...SELECTION]),
    runCli(['--report-dir', s1, '--shard', '1/2', ...SELECTION], RUN),
    runCli(['--report-dir', s2, '--shard', '2/2', ...SELECTION], RUN),
  ]);
  unsharded = runs[0];
  for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
});

test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A copy of a report dir, less its Playwright report unless asked, with results.json edited. */
function copyOf(dir: string, name: string, edit: (r: Results) => void = () => {}, withPlaywright = false): string {
  const to = join(root, name);
  cpSync(dir, to, { recursive: true, filter: (src) => withPlaywright || !src.includes('playwright-report') });
  const results = readResults(to);
  edit(results);
  writeFileSync(join(to, 'results.json'), JSON.stringify(results));
  return to;
}

test('each shard says which slice of which run it is, and the shards draw one model-based seed', () => {
  const [a, b] = [readResults(s1), readResults(s2)];
  expect(a.shard).toEqual({ index: 1, total: 2, runId: 'merge-spec-run' });
  expect(b.shard).toEqual({ index: 2, total: 2, runId: 'merge-spec-run' });
  expect(readResults(whole).shard).toBeUndefined();
  const ran = (r: Results) => r.requirements.filter((x) => x.status !== 'not-applicable').map((x) => x.id);
  expect(ran(a).length, 'shard 1 ran something').toBeGreaterThan(0);
  expect(ran(b).length, 'shard 2 ran something').toBeGreaterThan(0);
  expect([typeof a.seed, typeof b.seed], 'each shard ran a part of ORD-007 (else pick a selection that splits them)').toEqual(['number', 'number']);
  expect(a.seed).toBe(b.seed);
});

test('every shard merged gives the unsharded verdict, counts and statuses, with durations counted once', async () => {
  const out = join(root, 'merged');
  const merge = await runCli(['merge', s1, s2, '--report-dir', out]);
  expect(merge.code, merge.stderr).toBe(unsharded.code);
  const [a, m] = [readResults(whole), readResults(out)];
  expect(m.verdict).toBe(a.verdict);
  expect(m.summary).toEqual(a.summary);
  expect(m.requirements.map((r) => `${r.id}:${r.status}`)).toEqual(a.requirements.map((r) => `${r.id}:${r.status}`));
  expect(m.requirements.filter((r) => /shard/.test(r.reason))).toEqual([]);
  expect(m.merged).toEqual({ runId: 'merge-spec-run', shards: ['1/2', '2/2'], missing: [] });
  // each check ran in one shard: a requirement's merged time is its shards' times added once each
  const ms = (dir: string, id: string) => readResults(dir).requirements.find((r) => r.id === id)!.durationMs;
  for (const r of m.requirements.filter((x) => x.status !== 'not-applicable')) expect(r.durationMs, r.id).toBe(ms(s1, r.id) + ms(s2, r.id));
  expect(typeof m.seed).toBe('number');
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync('specs/results.schema.json', 'utf8')));
  expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
  expect(validate(readResults(s1)), JSON.stringify(validate.errors)).toBe(true);
});

test('one shard alone is reported with no verdict, exit 2, naming the shard it lacks', async () => {
  const out = join(root, 'alone');
  const merge = await runCli(['merge', s1, '--report-dir', out]);
  expect(merge.code).toBe(2);
  expect(merge.stderr).toMatch(/lacks shard 2\/2/);
  const m = readResults(out);
  expect(m.verdict).toBe('no-verdict');
  expect(m.verdictReason).toMatch(/lacks shard 2\/2/);
  expect(m.merged).toMatchObject({ shards: ['1/2'], missing: ['2/2'] });
  // what only the missing shard ran says so, not "passed" nor "not applicable" for no reason
  const upd = m.requirements.find((r) => r.id === 'UPD-001')!;
  expect(upd.status).toBe('not-applicable');
  expect(upd.reason).toMatch(/shard this report does not hold \(it holds --shard 1\/2\)/);
  expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('no-verdict');
});

test('the same shard twice is refused with one line and exit 2', async () => {
  const out = join(root, 'twice');
  const same = await runCli(['merge', s1, s1, s2, '--report-dir', out]);
  expect(same.code).toBe(2);
  expect(same.stderr.trim().split('\n')).toHaveLength(1);
  expect(same.stderr).toContain(`${s1} is given twice`);
  const again = copyOf(s1, 's1-again');
  const copy = await runCli(['merge', s1, again, s2, '--report-dir', out]);
  expect(copy.code).toBe(2);
  expect(copy.stderr).toMatch(new RegExp(`${s1} and ${again} both hold shard 1/2`));
  expect(existsSync(join(out, 'results.json')), 'a refused merge writes no report').toBe(false);
});

test('shards of different runs, of a different split, and dirs that are no shards are refused', async () => {
  const out = join(root, 'refused');
  const refused = async (dirs: string[], message: RegExp, named = dirs) => {
    const run = await runCli(['merge', ...dirs, '--report-dir', out]);
    expect(run.code, run.stdout).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    for (const dir of named) expect(run.stderr).toContain(dir);
  };
  await refused([s1, copyOf(s2, 'other-run', (r) => (r.shard!.runId = 'another-run'))], /different runs \(run ids merge-spec-run and another-run\)/);
  await refused([s1, copyOf(s2, 'other-fault', (r) => (r.shard!.faults = ['etags-unquoted']))], /different runs \(--fault: none and etags-unquoted\)/);
  await refused([s1, copyOf(s2, 'other-selection', (r) => (r.selection!.requirements = ['DRAFT-001']))], /different runs \(--requirement/);
  await refused([s1, copyOf(s2, 'other-kit', (r) => (r.kit.version = '0.0.0-other'))], /different runs \(kit version/);
  await refused([s1, copyOf(s2, 'other-total', (r) => (r.shard!.total = 3))], /split a run differently/);
  await refused([s1, whole], /was not run with --shard/);
  await refused([s1, root], /is not a flow-conformance report dir/, [root]);
  expect(existsSync(join(out, 'results.json'))).toBe(false);
});

test('the merged report links each shard\'s own Playwright report where it exists, and no other', async () => {
  const hrefs = (dir: string) => [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/<a class="pw" href="([^"]+)"/g)].map((m) => m[1]!);
  const both = join(root, 'merged-links');
  expect((await runCli(['merge', s1, s2, '--report-dir', both])).code).toBe(unsharded.code);
  expect(hrefs(both)).toEqual(['../s1/playwright-report/index.html', '../s2/playwright-report/index.html']);
  for (const href of hrefs(both)) expect(existsSync(resolve(both, href)), href).toBe(true);
  expect(existsSync(join(both, 'playwright-report'))).toBe(false);

  // a shard whose Playwright report is gone: only the other's is linked
  const bare = copyOf(s2, 's2-bare');
  const one = join(root, 'merged-one-link');
  expect((await runCli(['merge', s1, bare, '--report-dir', one])).code).toBe(unsharded.code);
  expect(hrefs(one)).toEqual(['../s1/playwright-report/index.html']);
  expect(readResults(one).playwrightReport).toBeUndefined();
});
