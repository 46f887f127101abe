// Resolves the target a run checks, once per worker: base URL and credentials from the environment (the CLI sets
// them from its flags), the config file, and the run's switches. Secrets are known here so redaction can find them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULTS, type KitConfig } from './config.ts';

export interface Credentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
}

export interface Target {
  /** Base URL including the service base path, without a trailing slash. */
  baseUrl: string;
  /** True when the kit started the reference server itself. */
  embedded: boolean;
  credentials: Credentials;
  sandbox: string;
  otherSandbox: string | undefined;
  config: KitConfig & typeof DEFAULTS;
  strict: boolean;
  /** Prefix of every entity name this run creates, so runs, workers and shards never collide. */
  runId: string;
  /** Strings that must never appear in an artifact. */
  secrets: string[];
}

export const ENV = {
  url: 'AEP_FLOW_SERVICE_URL',
  token: 'AEP_ACCESS_TOKEN',
  apiKey: 'AEP_API_KEY',
  org: 'AEP_ORG_ID',
  sandbox: 'AEP_SANDBOX_NAME',
  otherSandbox: 'AEP_OTHER_SANDBOX_NAME',
  config: 'FLOW_CONFORMANCE_CONFIG',
  strict: 'FLOW_CONFORMANCE_STRICT',
  runId: 'FLOW_CONFORMANCE_RUN_ID',
  faults: 'FLOW_CONFORMANCE_FAULTS',
  seed: 'FLOW_CONFORMANCE_SEED',
  path: 'FLOW_CONFORMANCE_PATH',
  runs: 'FLOW_CONFORMANCE_RUNS',
  writers: 'FLOW_CONFORMANCE_WRITERS',
  timeoutMs: 'FLOW_CONFORMANCE_TIMEOUT_MS',
} as const;

export async function loadConfig(file: string | undefined): Promise<KitConfig> {
  const candidate = file ?? (existsSync('flow-conformance.config.ts') ? 'flow-conformance.config.ts' : undefined);
  if (!candidate) return {};
  const path = resolve(candidate);
  if (!existsSync(path)) throw new Error(`config file not found: ${path}`);
  const loaded = (await import(pathToFileURL(path).href)) as { default?: KitConfig };
  return loaded.default ?? {};
}

export function defaultRunId(): string {
  return `fck-${Date.now().toString(36)}`;
}

export async function resolveTarget(baseUrl: string, embedded: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  const file = await loadConfig(env[ENV.config]);
  const config = { ...DEFAULTS, ...file } as KitConfig & typeof DEFAULTS;
  const model = { ...config.model };
  if (env[ENV.seed]) model.seed = Number(env[ENV.seed]);
  if (env[ENV.path]) model.path = env[ENV.path];
  if (env[ENV.runs]) model.runs = Number(env[ENV.runs]);
  config.model = model;
  if (env[ENV.writers]) config.concurrentWriters = Number(env[ENV.writers]);
  if (env[ENV.timeoutMs]) config.requestTimeoutMs = Number(env[ENV.timeoutMs]);
  const credentials = {
    accessToken: env[ENV.token] ?? '',
    apiKey: env[ENV.apiKey] ?? '',
    orgId: env[ENV.org] ?? '',
  };
  // auth params whose names say secret are secrets; a host or user name is not
  const authParams = Object.entries(config.auth?.params ?? {}).filter(([name, v]) => typeof v === 'string' && /pass|secret|key|token|credential/i.test(name)).map(([, v]) => v as string);
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    embedded,
    credentials,
    sandbox: env[ENV.sandbox] || 'prod',
    otherSandbox: env[ENV.otherSandbox] || undefined,
    config,
    strict: env[ENV.strict] === '1' || env[ENV.strict] === 'true',
    runId: env[ENV.runId] || defaultRunId(),
    secrets: [credentials.accessToken, credentials.apiKey, ...authParams].filter((s) => s.length >= 4),
  };
}
