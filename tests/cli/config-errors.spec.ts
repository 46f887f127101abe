// A config file that does not load or does not match specs/config.schema.json is a configuration error: exit 2 and
// one line per problem naming the file (and the key), before the preflight and before any worker starts; never a
// run whose requirements all fail on the target. And the schema stays in step with the KitConfig interface.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test, type TestInfo } from '@playwright/test';
import ts from 'typescript';
import { configProblems, configSchema, describe as describeValue } from '../../kit/config-file.ts';
import { DEFAULTS } from '../../kit/config.ts';
import { readResults, runCli, type CliRun } from '../support/run-cli.ts';

const NAME = 'flow-conformance.config.ts';

/** The config in a directory of its own; `packageJson` makes that directory a package (CommonJS unless it says). */
function writeConfig(testInfo: TestInfo, source: string, packageJson?: object): string {
  const dir = testInfo.outputPath('project');
  mkdirSync(dir, { recursive: true });
  if (packageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  const file = join(dir, NAME);
  writeFileSync(file, source);
  return file;
}

/** A run that must stop at the config: exit 2, every line about the file, no trace, nothing started. */
async function refused(testInfo: TestInfo, source: string, args: string[] = [], env: Record<string, string> = {}): Promise<{ run: CliRun; lines: string[] }> {
  const file = writeConfig(testInfo, source);
  const reportDir = testInfo.outputPath('report');
  const run = await runCli(['--config', file, '--report-dir', reportDir, '--requirement', 'DRAFT-001', ...args], env);
  const output = run.stdout + run.stderr;
  expect(run.code, output).toBe(2);
  const lines = run.stderr.trim().split('\n');
  for (const line of lines) expect(line, output).toMatch(new RegExp(`^flow-conformance: config \\S*${NAME.replace(/\./g, '\\.')}: \\S`));
  expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
  expect(run.stdout, 'the checks never started').not.toContain('checking');
  expect(existsSync(reportDir), 'no report dir: the run never started').toBe(false);
  return { run, lines };
}

test.describe('a config that does not load', () => {
  test('a syntax error names its line', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `export default {\n  flowSpecId: 'x'\n  sourceConnectionSpecId: 'y',\n};\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SyntaxError at line 3\b/);
  });

  test('a throw at top level is what it threw', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `throw new Error('boom');\nexport default {};\n`);
    expect(lines).toEqual([expect.stringMatching(/: threw: Error: boom$/)]);
  });

  test('no default export', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `export const config = { flowSpecId: 'x' };\n`);
    expect(lines).toEqual([expect.stringMatching(/has no default export/)]);
  });

  test('a default export that is not an object', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `export default ['flowSpecId'];\n`);
    expect(lines).toEqual([expect.stringMatching(/its default export is not an object \(got an array\)$/)]);
  });

  test('a file that does not exist', async ({}, testInfo) => {
    const missing = testInfo.outputPath('nowhere', NAME);
    const reportDir = testInfo.outputPath('report');
    const run = await runCli(['--config', missing, '--report-dir', reportDir, '--requirement', 'DRAFT-001']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(missing)]);
    expect(existsSync(reportDir)).toBe(false);
  });
});

test.describe('a config that does not match the schema', () => {
  test('a wrong type names the key and what it must be, before the preflight reaches the target', async ({}, testInfo) => {
    let requests = 0;
    const target = createServer((_req, res) => { requests++; res.writeHead(500).end(); });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
      const { lines } = await refused(testInfo, `export default { sourceConnectionSpecId: 42 };\n`, ['--target', url], { AEP_ACCESS_TOKEN: 't', AEP_API_KEY: 'k', AEP_ORG_ID: 'o' });
      expect(lines).toEqual([expect.stringMatching(/: sourceConnectionSpecId must be a (non-empty )?string \(got 42\)$/)]);
      expect(requests, 'the preflight never ran').toBe(0);
    } finally {
      await new Promise<void>((resolve) => target.close(() => resolve()));
    }
  });

  test('an unknown key suggests the key it was meant to be', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `export default { sourceConectionSpecId: 'x' };\n`);
    expect(lines).toEqual([expect.stringMatching(/: unknown key "sourceConectionSpecId" \(did you mean "sourceConnectionSpecId"\?\)$/)]);
  });

  test('every problem is named, nested keys by their path', async ({}, testInfo) => {
    const { lines } = await refused(testInfo, `export default { auth: 'basic', model: { runs: -1 }, targetSchema: { id: 'x' }, frobnicate: 1 };\n`);
    expect(lines).toHaveLength(4);
    const text = lines.join('\n');
    expect(text).toMatch(/auth must be an object \{ specName\?: string, params\?: object \} \(got a string\)/);
    expect(text).toMatch(/model\.runs must be an integer ≥ 0 \(got -1\)/);
    expect(text).toMatch(/targetSchema\.version is required/);
    expect(text).toMatch(/unknown key "frobnicate"/);
  });

  test('a secret in the config is never repeated, be it misplaced or next to a syntax error', async ({}, testInfo) => {
    const secret = `planted-secret-${Date.now().toString(36)}`;
    const misplaced = await refused(testInfo, `export default { auth: '${secret}', model: { seed: '${secret}' } };\n`);
    expect(misplaced.lines).toHaveLength(2);
    const broken = await refused(testInfo, `export default {\n  auth: { params: { password: 'x' '${secret}' } },\n};\n`);
    expect(broken.lines).toEqual([expect.stringMatching(/SyntaxError at line 2\b/)]);
    for (const { run } of [misplaced, broken]) expect(run.stdout + run.stderr).not.toContain(secret);
    // a number is shown (42 reads as 42) unless its key says secret
    expect(describeValue(42, ['model', 'seed'])).toBe('42');
    expect(describeValue(4242, ['auth', 'params', 'apiKey'])).toBe('<redacted>');
  });
});

test('a plain export default, without any import, loads in a package that is not "type": "module", and the checks use it', async ({}, testInfo) => {
  const file = writeConfig(testInfo, `export default {\n  auth: { specName: 'Basic Authentication', params: { host: 'plain.example.net', userid: 'kit', password: 'plain-password-1' } },\n};\n`, { name: 'a-user-project' });
  const dir = testInfo.outputPath('report');
  const run = await runCli(['--config', file, '--report-dir', dir, '--requirement', 'DRAFT-001']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const record = readResults(dir).requirements.find((r) => r.id === 'DRAFT-001');
  expect(record?.status).toBe('pass');
  expect(JSON.stringify(record?.evidence), 'the config host was sent').toContain('plain.example.net');
});

/** Property names of an interface or type literal, and those of the type literals they hold, by dotted path. */
function keysOf(members: ts.NodeArray<ts.TypeElement>, prefix = ''): string[] {
  return members.filter(ts.isPropertySignature).flatMap((member) => {
    const name = `${prefix}${member.name.getText()}`;
    return [name, ...(member.type && ts.isTypeLiteralNode(member.type) ? keysOf(member.type.members, `${name}.`) : [])];
  });
}

function schemaKeys(schema: { properties?: Record<string, unknown> }, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => [`${prefix}${key}`, ...schemaKeys(sub as typeof schema, `${prefix}${key}.`)]);
}

test('the schema describes every key of the KitConfig interface, and the defaults match it', () => {
  const source = ts.createSourceFile('config.ts', readFileSync('kit/config.ts', 'utf8'), ts.ScriptTarget.Latest, true);
  const kitConfig = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'KitConfig');
  expect(kitConfig, 'kit/config.ts declares KitConfig').toBeDefined();
  const schema = configSchema() as { properties?: Record<string, { description?: string }> };
  const interfaceKeys = keysOf(kitConfig!.members).sort();
  expect(interfaceKeys.length).toBeGreaterThan(15);
  expect(schemaKeys(schema).sort()).toEqual(interfaceKeys);
  for (const [key, sub] of Object.entries(schema.properties ?? {})) expect(sub.description, `${key} has a description`).toBeTruthy();
  expect(configProblems(DEFAULTS)).toEqual([]);
});
