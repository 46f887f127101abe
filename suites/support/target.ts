// Resolves the target a run checks, once per worker: base URL and credentials from the environment (the CLI sets
// them from its flags), the config file, and the run's switches. Secrets are known here so redaction can find them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigFile } from '../../kit/config-file.ts';
import { DEFAULTS, type KitConfig } from '../../kit/config.ts';
import type { Credentials } from '../../kit/credentials.ts';
import { IMS_ENV, resolveCredentials } from '../../kit/ims.ts';
import { isSecretName } from '../../kit/redact.ts';
import { defaultRunId, readRunSettings } from '../../kit/run-settings.ts';

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
  /** The run's shared "not before" file (kit/hold.ts); --target runs only. */
  holdFile?: string;
  /** The run's shared count of requests in a row with no answer (kit/breaker.ts); --target runs only. */
  breakerFile?: string;
}

/** The user's variables (the CLI passes them on; its own settings travel as kit/run-settings.ts). */
export const ENV = {
  url: 'AEP_FLOW_SERVICE_URL',
  token: IMS_ENV.token,
  apiKey: IMS_ENV.apiKey,
  org: IMS_ENV.org,
  sandbox: 'AEP_SANDBOX_NAME',
  otherSandbox: 'AEP_OTHER_SANDBOX_NAME',
  clientId: IMS_ENV.clientId,
  clientSecret: IMS_ENV.clientSecret,
  scopes: IMS_ENV.scopes,
  imsUrl: IMS_ENV.imsUrl,
} as const;

export async function loadConfig(file: string | undefined): Promise<KitConfig> {
  const candidate = file ?? (existsSync('flow-conformance.config.ts') ? 'flow-conformance.config.ts' : undefined);
  if (!candidate) return {};
  return loadConfigFile(resolve(candidate));
}

export async function resolveTarget(baseUrl: string, embedded: boolean, env: NodeJS.ProcessEnv = process.env): Promise<Target> {
  // the CLI hands over the config it loaded and checked; a bare Playwright run loads the file itself
  const settings = readRunSettings(env);
  const file = settings.configJson ?? (await loadConfig(settings.configFile));
  const config = { ...DEFAULTS, ...file } as KitConfig & typeof DEFAULTS;
  const model = { ...config.model };
  if (settings.seed !== undefined) model.seed = settings.seed;
  if (settings.path !== undefined) model.path = settings.path;
  if (settings.runs !== undefined) model.runs = settings.runs;
  config.model = model;
  if (settings.writers !== undefined) config.concurrentWriters = settings.writers;
  if (settings.timeoutMs !== undefined) config.requestTimeoutMs = settings.timeoutMs;
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
    strict: settings.strict,
    runId: settings.runId ?? defaultRunId(),
    secrets,
    // each embedded server serves one worker: nothing to share
    ...(!embedded && settings.holdFile ? { holdFile: settings.holdFile } : {}),
    ...(!embedded && settings.breakerFile ? { breakerFile: settings.breakerFile } : {}),
  };
}
