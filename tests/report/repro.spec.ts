// A failure turned into a standalone repro: for three fault modes (the model-based one among them) the run writes
// repro/<ID>.sh and repro/<ID>.spec.ts; each, run with nothing from the kit, sees the failure come back against the
// faulty server (script exit 1, spec failing) and passes against a correct one (exit 0, spec passing). A --target run
// with its own credentials shows that no repro file holds a secret: they come from the environment by name.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startReferenceServer, type RunningServer } from '../../server/listen.ts';
import { readResults, runCli } from '../support/run-cli.ts';

const SECRETS = { accessToken: 'repro-secret-token-5b1f', apiKey: 'repro-secret-key-77c2', orgId: 'REPRO0000000000000000000@AdobeOrg' };
const ENV = { AEP_ACCESS_TOKEN: SECRETS.accessToken, AEP_API_KEY: SECRETS.apiKey, AEP_ORG_ID: SECRETS.orgId };
const KIT_MODULES = resolve('node_modules');

interface Ran { code: number; output: string }
function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Ran> {
  return new Promise((done) => {
    // a clean environment but for PATH: the repro must need nothing the kit's own run set
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code: code ?? -1, output }));
  });
}

/** The report's repro folder alone in a fresh directory, with @playwright/test installed beside it and nothing else. */
function standalone(reportDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'repro-'));
  cpSync(join(reportDir, 'repro'), dir, { recursive: true });
  symlinkSync(KIT_MODULES, join(dir, 'node_modules'), 'dir');
  return dir;
}

const CASES = [
  { fault: 'connection-publish-is-noop', requirement: 'PUB-001', embedded: false, args: [] as string[] },
  { fault: 'connection-create-omits-etag', requirement: 'DRAFT-001', embedded: false, args: [] as string[] },
  // the model-based suite, run as the self-validation runs it (the embedded server, a seed that finds the fault at
  // once): its evidence is the shrunk sequence, and its URLs name a worker's server that is gone, as any embedded run's
  { fault: 'flow-publish-checks-first-source-once-patched', requirement: 'ORD-007', embedded: true, args: ['--seed', '1'] },
];

for (const { fault, requirement, embedded, args } of CASES) {
  test(`the repro of ${requirement} (fault ${fault}) reproduces against the faulty server and passes against a correct one, holding no secret`, { tag: `@${requirement}` }, async ({}, testInfo) => {
    test.setTimeout(300_000);
    const servers: RunningServer[] = [];
    let dir: string | undefined;
    try {
      const faulty = await startReferenceServer({ faults: [fault], credentials: SECRETS });
      const correct = await startReferenceServer({ credentials: SECRETS });
      servers.push(faulty, correct);
      const report = testInfo.outputPath('report');
      const target = embedded ? ['--fault', fault] : ['--target', faulty.url];
      const found = await runCli([...target, '--requirement', requirement, '--report-dir', report, ...args], embedded ? {} : ENV);
      expect(found.code, found.stdout + found.stderr).toBe(1);
      const results = readResults(report);
      expect(results.repros?.[requirement]).toEqual({ script: `repro/${requirement}.sh`, spec: `repro/${requirement}.spec.ts`, steps: expect.any(Number) });
      // the conformance report links both files
      const html = readFileSync(join(report, 'index.html'), 'utf8');
      for (const file of [`repro/${requirement}.sh`, `repro/${requirement}.spec.ts`]) expect(html).toContain(`href="${file}"`);
      for (const file of readdirSync(join(report, 'repro'))) {
        const text = readFileSync(join(report, 'repro', file), 'utf8');
        for (const secret of [SECRETS.accessToken, SECRETS.apiKey]) expect(text, `${file} holds a secret`).not.toContain(secret);
      }
      dir = standalone(report);
      for (const [server, reproduces] of [[faulty, true], [correct, false]] as const) {
        const before = server.service.store.size;
        const script = await run('bash', [`${requirement}.sh`, server.url], dir, ENV);
        expect(script.code, script.output).toBe(reproduces ? 1 : 0);
        expect(script.output).toContain(reproduces ? `reproduced: the target gave the answer that broke ${requirement} again` : `not reproduced: the target no longer gives the answer that broke ${requirement}`);
        const spec = await run(process.execPath, [join(KIT_MODULES, '@playwright', 'test', 'cli.js'), 'test', `${requirement}.spec.ts`, '--reporter=line'], dir, { ...ENV, AEP_FLOW_SERVICE_URL: server.url });
        expect(spec.code, spec.output).toBe(reproduces ? 1 : 0);
        expect(spec.output).toContain(reproduces ? '1 failed' : '1 passed');
        if (reproduces) expect(spec.output).toContain(`the answer that broke ${requirement}, given again`);
        // each replay deleted what it made
        expect(server.service.store.size, 'entities a replay left').toBe(before);
      }
    } finally {
      for (const server of servers) await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
}
