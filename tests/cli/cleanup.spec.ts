// Nothing a run creates is left behind: not after a SIGINT halfway, and not after a target that stopped answering
// (the ledger keeps what `cleanup` deletes later); `sweep` finds what carries the run prefix.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { BASE_PATH, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer } from '../../server/listen.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { PLATFORM_HEADERS } from '../support/in-process.ts';
import { runCli } from '../support/run-cli.ts';

const credentials = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId, AEP_OTHER_SANDBOX_NAME: 'kit-other' };

test('a run interrupted with SIGINT halfway leaves no entity behind', async ({}, testInfo) => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  const dir = testInfo.outputPath('report');
  try {
    const child = spawn(process.execPath, ['bin/flow-conformance.js', '--target', server.url, '--report-dir', dir, '--runs', '400'], {
      env: { ...process.env, ...credentials, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        // halfway: some requirements have finished, the model-based suite is still going
        if ((output.match(/^✓ /gm) ?? []).length >= 10 && !child.killed) child.kill('SIGINT');
      });
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('close', resolve);
    });
    expect(output).toContain('SIGINT: stopping the checks and cleaning up');
    expect(code).toBe(130);
    const left = [...server.service.store.entities()].map(({ sandbox, entity }) => `${sandbox}/${entity.kind}/${entity.id} ${String(entity.doc.name)} (${entity.state})`);
    expect(left, 'entities left in the target').toEqual([]);
    const results = JSON.parse(readFileSync(`${dir}/results.json`, 'utf8')) as { interrupted?: boolean; verdict: string; requirements: { id: string; status: string; reason: string }[]; cleanup?: { leftBehind: unknown[]; created: number } };
    expect(results.interrupted).toBe(true);
    // what the interruption stopped or never reached is error, saying so, and leaves the run without a verdict
    const unchecked = results.requirements.filter((r) => r.status === 'error');
    expect(unchecked.length).toBeGreaterThan(0);
    for (const r of unchecked) expect(r.reason, r.id).toMatch(/interrupted/);
    expect(results.requirements.filter((r) => r.status === 'not-applicable' && /filtered|shard/.test(r.reason))).toEqual([]);
    expect(results.verdict).toBe('no-verdict');
    expect(output).toMatch(/^\? \S+ .*\n +could not check: not (run|finished)/m);
    expect(results.cleanup?.created).toBeGreaterThan(0);
    expect(results.cleanup?.leftBehind).toEqual([]);
  } finally {
    await server.close();
  }
});

test('cleanup --ledger deletes what a ledger still lists, children first', async ({}, testInfo) => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    // the same store as the running server: create through its handle()
    const post = (path: string, body: unknown) => server.service.handle({ method: 'POST', url: BASE_PATH + path, headers: { ...PLATFORM_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((a) => JSON.parse(a.body) as { id: string });
    const base = await post('/connections', baseConnectionBody());
    const source = await post('/sourceConnections', { name: 's', baseConnectionId: base.id, connectionSpec: baseConnectionBody().connectionSpec });
    const ledger = testInfo.outputPath('ledger.jsonl');
    writeFileSync(ledger, [
      { op: 'run', target: server.url, at: new Date().toISOString() },
      { op: 'created', kind: 'connections', id: base.id, sandbox: 'prod' },
      { op: 'created', kind: 'sourceConnections', id: source.id, sandbox: 'prod' },
    ].map((l) => JSON.stringify(l)).join('\n') + '\n{"op":"created","kind":"flo');
    expect(server.service.store.size).toBe(2);
    const run = await runCli(['cleanup', '--ledger', ledger], credentials);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('deleted 2 of 2');
    // the line cut short may have named an entity: said, with where to look
    expect(run.stderr).toMatch(/warning: 1 line of .*ledger\.jsonl could not be read .*sweep --prefix/);
    expect(server.service.store.size).toBe(0);
    const again = await runCli(['cleanup', '--ledger', ledger], credentials);
    expect(again.stdout).toContain('nothing to clean up');
  } finally {
    await server.close();
  }
});

test('cleanup of a ledger that is missing, unreadable or not a ledger is a one-line error (exit 2), never "all 0 entities are deleted"', async ({}, testInfo) => {
  const target = ['--target', 'http://127.0.0.1:9/data/foundation/flowservice'];
  const missing = await runCli(['cleanup', '--ledger', testInfo.outputPath('nope.jsonl'), ...target], credentials);
  const notALedger = testInfo.outputPath('notes.txt');
  writeFileSync(notALedger, 'hello\n{"some":"json"}\n');
  const garbage = await runCli(['cleanup', '--ledger', notALedger, ...target], credentials);
  const directory = await runCli(['cleanup', '--ledger', testInfo.outputDir, ...target], credentials);
  for (const [run, what] of [[missing, /no ledger at .*nope\.jsonl|an existing ledger\.jsonl/], [garbage, /notes\.txt is not a ledger: none of its 2 lines/], [directory, /cannot read the ledger .*: EISDIR/]] as const) {
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(what);
    expect(run.stdout + run.stderr).not.toContain('all 0 entities');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('sweep lists entities carrying a prefix, and deletes them only with --yes', async () => {
  const server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  try {
    for (const name of ['fck-old-base-1', 'fck-old-base-2', 'someone-elses']) {
      await server.service.handle({ method: 'POST', url: `${BASE_PATH}/connections`, headers: { ...PLATFORM_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ ...baseConnectionBody(), name }) });
    }
    const listed = await runCli(['sweep', '--prefix', 'fck-old', '--target', server.url], credentials);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('fck-old-base-1');
    expect(listed.stdout).not.toContain('someone-elses');
    expect(listed.stdout).toContain('nothing deleted');
    expect(server.service.store.size).toBe(3);
    const swept = await runCli(['sweep', '--prefix', 'fck-old', '--target', server.url, '--yes'], credentials);
    expect(swept.stdout).toContain('deleted 2 of 2');
    expect(server.service.store.size).toBe(1);
  } finally {
    await server.close();
  }
});
