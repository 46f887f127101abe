// The import rules of .dependency-cruiser.cjs hold on the tree, and bite: a small tree that breaks each of them fails
// `lint:deps` with every rule's name. The fixture imports `.ts` files by their own name, as the project does, so a
// resolution that missed them (no tsconfig) would let the imports through and fail this test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = join(ROOT, 'scripts', 'lint-deps.ts');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function lintDeps(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--config', CONFIG], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('the project keeps its import rules: no error from lint:deps', () => {
  const run = lintDeps(ROOT);
  expect(run.output).not.toMatch(/^\s*error /m);
  expect(run.status, run.output).toBe(0);
});

test('each import rule fails lint:deps with its name when a tree breaks it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lint-deps-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', allowImportingTsExtensions: true, noEmit: true } }),
      'server/index.ts': "export { internal } from './internal.ts';\n",
      'server/internal.ts': 'export const internal = 1;\n',
      'suites/check.ts': "import { internal } from '../server/internal.ts';\nimport { report } from '../cli/report.ts';\nexport const check = internal + report;\n",
      'cli/report.ts': "import { shared } from '../kit/shared.ts';\nexport const report = shared;\n",
      'cli/run.ts': "import { check } from '../suites/check.ts';\nimport { internal } from '../server/index.ts';\nexport const run = check + internal;\n",
      'kit/shared.ts': 'export const shared = 1;\n',
      'kit/leaky.ts': "import { run } from '../cli/run.ts';\nexport const leaky = run;\n",
      'tests/helper.ts': 'export const helper = 1;\n',
      'bench/bench.ts': "import { helper } from '../tests/helper.ts';\nexport const bench = helper;\n",
      'schemas/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b();\n",
      'schemas/b.ts': "import { a } from './a.ts';\nexport const b = (): number => a();\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = lintDeps(dir);
    expect(run.status, run.output).toBe(1);
    const broken = (rule: string, from: string, to: string) => expect(run.output, `${rule}: ${from} → ${to}`).toContain(`error ${rule}: ${from} → ${to}`);
    broken('cli-not-suites', 'cli/run.ts', 'suites/check.ts');
    broken('suites-not-cli', 'suites/check.ts', 'cli/report.ts');
    broken('server-only-via-index', 'suites/check.ts', 'server/internal.ts');
    broken('kit-stands-alone', 'kit/leaky.ts', 'cli/run.ts');
    broken('bench-not-tests', 'bench/bench.ts', 'tests/helper.ts');
    expect(run.output).toMatch(/error no-circular: schemas\/(a|b)\.ts → /);
    // cli → suites → cli
    expect(run.output).toMatch(/error no-folder-cycle: (cli|suites) → /);
    // through the public entry, the server is allowed
    expect(run.output).not.toContain('server-only-via-index: cli/run.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
