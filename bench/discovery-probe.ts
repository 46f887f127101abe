// Child process: what a Playwright worker pays before its first check, measured outside the runner. Resolving the
// target, opening the default (node) transport and the spec discovery (suites/support/discovery.ts) against
// PROBE_URL, cold (the first time in a fresh process: module loading, validator compilation) and warm (a second
// time). Prints one JSON line.
const started = performance.now();
await import('@playwright/test'); // a worker imports it before any check
const { FlowClient } = await import('../suites/support/client.ts');
const { discover } = await import('../suites/support/discovery.ts');
const { Recorder } = await import('../suites/support/recorder.ts');
const { Redactor } = await import('../kit/redact.ts');
const { resolveTarget } = await import('../suites/support/target.ts');
const { nodeTransport } = await import('../suites/support/transport.ts');
const imported = performance.now();

const url = process.env.PROBE_URL;
if (!url) throw new Error('PROBE_URL is not set');
const target = await resolveTarget(url, false);
const transport = nodeTransport();
const ready = performance.now();
const once = async () => {
  const t0 = performance.now();
  const client = new FlowClient(transport, target, new Recorder(new Redactor(target.secrets)));
  const discovery = await discover(client);
  if (discovery.problems.length > 0) throw new Error(discovery.problems.join('; '));
  return { ms: performance.now() - t0, exchanges: client.recorder.exchanges.length };
};
const cold = await once();
const warm = await once();
await transport.dispose();
console.log(JSON.stringify({
  importMs: imported - started,
  targetAndContextMs: ready - imported,
  discoveryColdMs: cold.ms,
  discoveryWarmMs: warm.ms,
  exchanges: cold.exchanges,
}));
