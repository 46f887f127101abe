import { defineConfig } from '@playwright/test';

// Two projects: `self` holds the project's own tests (reference server, generators, catalogue, kit self-validation);
// `conformance` holds the requirement suites that the CLI runs against a target.
const ci = Boolean(process.env.CI);

export default defineConfig({
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: ci ? 2 : undefined,
  timeout: 60_000,
  reporter: ci
    ? [['list'], ['junit', { outputFile: 'reports/self/junit.xml' }]]
    : [['list']],
  projects: [
    { name: 'self', testDir: 'tests' },
    { name: 'conformance', testDir: 'suites' },
  ],
});
