// `npm run serve` and `flow-conformance serve` (the same, from the package's bin): the first stdout line is the base URL, stderr says which credentials the server accepts (the
// public defaults in full, a value from the environment by name only) and which faults are on; a client sending
// exactly what it printed is let in. The process is always stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';

interface Served { child: ChildProcess; url: string; stderr: () => string }

const COMMANDS = { 'npm run serve': ['--import', 'tsx', 'server/main.ts'], 'flow-conformance serve': ['bin/flow-conformance.js', 'serve'] };

async function serve(command: string[], args: string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawn(process.execPath, [...command, '--port', '0', ...args], { env: { ...process.env, AEP_ACCESS_TOKEN: '', AEP_API_KEY: '', AEP_ORG_ID: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  // the credential lines follow the URL on stderr: wait until the last one is there
  for (let i = 0; i < 100 && !err.includes('x-sandbox-name'); i++) await new Promise((r) => setTimeout(r, 20));
  return { child, url, stderr: () => err };
}

let running: ChildProcess | undefined;
test.afterEach(async () => {
  if (running && running.exitCode === null) {
    running.kill('SIGTERM');
    await once(running, 'exit');
  }
  running = undefined;
});

for (const [name, command] of Object.entries(COMMANDS)) {
test(`${name} prints its URL first, then the default credentials it accepts and the faults it has on; those credentials work`, async () => {
  const served = await serve(command, ['--fault', 'patch-ignores-stale-if-match']);
  running = served.child;
  expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/data\/foundation\/flowservice$/);
  const printed = served.stderr();
  const header = (name: string) => new RegExp(`^\\s*${name}: (?:Bearer )?(\\S+)`, 'm').exec(printed)?.[1];
  const [token, apiKey, org] = [header('Authorization'), header('x-api-key'), header('x-gw-ims-org-id')];
  expect([token, apiKey, org].every(Boolean), printed).toBe(true);
  expect(printed).toContain('fault modes on: patch-ignores-stale-if-match');
  const answer = await fetch(`${served.url}/connectionSpecs`, { headers: { authorization: `Bearer ${token}`, 'x-api-key': apiKey!, 'x-gw-ims-org-id': org!, 'x-sandbox-name': 'prod' } });
  expect(answer.status).toBe(200);
  const refused = await fetch(`${served.url}/connectionSpecs`, { headers: { authorization: 'Bearer not-it', 'x-api-key': apiKey!, 'x-gw-ims-org-id': org!, 'x-sandbox-name': 'prod' } });
  expect(refused.status).toBe(401);
});

test(`${name} names credentials taken from the environment without printing the secret ones`, async () => {
  const served = await serve(command, [], { AEP_ACCESS_TOKEN: 'token-from-env-0b1c', AEP_API_KEY: 'key-from-env-9f8e', AEP_ORG_ID: 'ENV0ORG@AdobeOrg' });
  running = served.child;
  const printed = served.stderr();
  expect(printed).not.toContain('token-from-env-0b1c');
  expect(printed).not.toContain('key-from-env-9f8e');
  expect(printed).toMatch(/Authorization: Bearer \(set, not shown\) from AEP_ACCESS_TOKEN/);
  expect(printed).toContain('x-gw-ims-org-id: ENV0ORG@AdobeOrg from AEP_ORG_ID');
  const answer = await fetch(`${served.url}/connectionSpecs`, { headers: { authorization: 'Bearer token-from-env-0b1c', 'x-api-key': 'key-from-env-9f8e', 'x-gw-ims-org-id': 'ENV0ORG@AdobeOrg' } });
  expect(answer.status).toBe(200);
});
}
