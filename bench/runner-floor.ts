// The bare cost of starting the Playwright runner: a temporary project holding one empty test and a minimal config
// (its node_modules a link to ours), run the way a user would (`npx playwright test`) and the way the CLI does (node
// on @playwright/test's cli.js, no npx in between).
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { timed, type Timed } from './timed.ts';

export interface RunnerFloor {
  dir: string;
  npx(): Promise<Timed>;
  direct(): Promise<Timed>;
  remove(): void;
}

export function runnerFloor(): RunnerFloor {
  const dir = mkdtempSync(join(tmpdir(), 'bench-runner-'));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-runner-floor', private: true, type: 'module' }));
  writeFileSync(join(dir, 'playwright.config.ts'), `import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: '.', workers: 1, reporter: 'dot' });\n`);
  writeFileSync(join(dir, 'empty.spec.ts'), `import { test } from '@playwright/test';\ntest('empty', () => {});\n`);
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const check = (run: Timed) => {
    if (run.code !== 0) throw new Error(`the empty Playwright run failed (${run.code}): ${run.stdout}${run.stderr}`);
    return run;
  };
  return {
    dir,
    npx: async () => check(await timed('npx', ['playwright', 'test'], { cwd: dir })),
    direct: async () => check(await timed(process.execPath, [cli, 'test', '--config', join(dir, 'playwright.config.ts')], { cwd: dir })),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
