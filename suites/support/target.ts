// Resolves the target a run checks, once per worker: base URL and credentials from the environment (the CLI sets
// them from its flags), the config file, and the run's switches. Secrets are known here so redaction can find them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_JSON_ENV, loadConfigFile } from '../../cli/config-file.ts';
import { IMS_ENV, resolveCredentials } from '../../cli/ims.ts';
import { DEFAULTS, type KitConfig } from './config.ts';
import { BREAKER_FILE_ENV } from './breaker.ts';
import { HOLD_FILE_ENV } from './hold.ts';
import { isSecretName } from './redact.ts';

export interface Credentials {
  accessToken: string;
  apiKey: string;
  orgId: string;
  /** Where the token came from: given (AEP_ACCESS_TOKEN) or exchanged with IMS. */
  tokenSource?: 'env' | 'ims';
  /** Present when the token came from IMS: the current token, refreshed before it expires. */
  getAccessToken?: () => Promise<string>;
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
  /** The run's shared "not before" file (suites/support/hold.ts); --target runs only. */
  holdFile?: string;
  /** The run's shared count of requests in a row with no answer (suites/support/breaker.ts); --target runs only. */
  breakerFile?: string;
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
  clientId: IMS_ENV.clientId,
  clientSecret: IMS_ENV.clientSecret,
  scopes: IMS_ENV.scopes,
  imsUrl: IMS_ENV.imsUrl,
  timeoutMs: 'FLOW_CONFORMANCE_TIMEOUT_MS',
  holdFile: HOLD_FILE_ENV,
  breakerFile: BREAKER_FILE_ENV,
} as const;

export async function loadConfig(file: string | undefined): Promise<KitConfig> {
  const candidate = file ?? (existsSync('flow-conformance.config.ts') ? 'flow-conformance.config.ts' : undefined);
  if (!candidate) return {};
  return loadConfigFile(resolve(candidate));
}

export function defaultRunId(): string {
  return `fck-${Date.now().toString(36)}`;
}

export async function resolveTarget(baseUrl: string, embedded: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  // the CLI hands over the config it loaded and checked; a bare Playwright run loads the file itself
  const checked = env[CONFIG_JSON_ENV];
  const file = checked ? (JSON.parse(checked) as KitConfig) : await loadConfig(env[ENV.config]);
  const config = { ...DEFAULTS, ...file } as KitConfig & typeof DEFAULTS;
  const model = { ...config.model };
  if (env[ENV.seed]) model.seed = Number(env[ENV.seed]);
  if (env[ENV.path]) model.path = env[ENV.path];
  if (env[ENV.runs]) model.runs = Number(env[ENV.runs]);
  config.model = model;
  if (env[ENV.writers]) config.concurrentWriters = Number(env[ENV.writers]);
  if (env[ENV.timeoutMs]) config.requestTimeoutMs = Number(env[ENV.timeoutMs]);
  // AEP_ACCESS_TOKEN, else an IMS exchange from AEP_CLIENT_ID/AEP_CLIENT_SECRET (each worker does its own, and
  // refreshes before expiry); every token IMS hands out joins the secrets, so redaction finds it.
  const secrets: string[] = [];
  const learn = (secret: string): void => {
    if (secret.length >= 4 && !secrets.includes(secret)) secrets.push(secret);
  };
  const resolved = await resolveCredentials(env, { onToken: learn });
  const credentials: Credentials = {
    accessToken: resolved.accessToken,
    apiKey: resolved.apiKey,
    orgId: resolved.orgId,
    ...(resolved.tokenSource ? { tokenSource: resolved.tokenSource } : {}),
  };
  const refresh = resolved.getAccessToken;
  if (refresh) {
    credentials.getAccessToken = async () => (credentials.accessToken = await refresh());
  }
  // auth params whose names say secret; the authSpec's `format: password` ones are added once the spec is read
  const authParams = Object.entries(config.auth?.params ?? {}).filter(([name, v]) => typeof v === 'string' && isSecretName(name)).map(([, v]) => v as string);
  for (const secret of [credentials.accessToken, credentials.apiKey, ...resolved.secrets, ...authParams]) learn(secret);
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    embedded,
    credentials,
    sandbox: env[ENV.sandbox] || 'prod',
    otherSandbox: env[ENV.otherSandbox] || undefined,
    config,
    strict: env[ENV.strict] === '1' || env[ENV.strict] === 'true',
    runId: env[ENV.runId] || defaultRunId(),
    secrets,
    // each embedded server serves one worker: nothing to share
    ...(!embedded && env[ENV.holdFile] ? { holdFile: env[ENV.holdFile] } : {}),
    ...(!embedded && env[ENV.breakerFile] ? { breakerFile: env[ENV.breakerFile] } : {}),
  };
}
