import { defineConfig, type Project } from '@playwright/test';
import { readRunSetting } from './kit/run-settings.ts';
import type { WorkerOptions } from './suites/support/fixtures.ts';

// Projects: `self` holds the project's own tests (reference server, generators, catalogue, self-validation);
// `conformance` holds the requirement suites the CLI runs against a target. With FLOW_CONFORMANCE_MUTATION set,
// one extra project per fault mode runs the checks of the requirements that fault breaks against an embedded
// reference server with that fault on: the kit's own mutation test.
const ci = Boolean(process.env.CI);

async function mutationProjects(): Promise<Project<unknown, WorkerOptions>[]> {
  const only = readRunSetting('mutation');
  if (only.length === 0) return [];
  // only then: the runner loads this file before it starts a worker, and the server's modules are a good part of that
  const { FAULT_NAMES, FAULTS } = await import('./server/index.ts');
  const names = only.includes('all') ? FAULT_NAMES : FAULT_NAMES.filter((name) => only.includes(name));
  return names.map((name) => ({
    name: `fault:${name}`,
    testDir: 'suites',
    grep: new RegExp(FAULTS[name].breaks.map((id) => `@${id}\\b`).join('|')),
    use: { embeddedFaults: [name] },
  }));
}

export default defineConfig<unknown, WorkerOptions>({
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: ci ? 2 : undefined,
  timeout: 60_000,
  // generated JavaScript, 0.4 MB: babel would take 1.5 s over it on a cold cache for nothing to transpile
  build: { external: ['**/generators/generated/validators.js'] },
  reporter: ci ? [['list'], ['junit', { outputFile: 'reports/self/junit.xml' }]] : [['list']],
  projects: [
    // the project's own tests spawn whole kit runs, two at a time on a 2-core machine: a run that takes 15 s alone
    // can take four times that beside the false-pass self-test, so the limit is generous; it catches hangs, not speed
    { name: 'self', testDir: 'tests', timeout: 180_000 },
    { name: 'conformance', testDir: 'suites' },
    ...(await mutationProjects()),
  ],
});
