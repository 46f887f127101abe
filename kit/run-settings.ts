// The run settings the CLI hands its Playwright workers (and its reporter), in one typed table. The environment stays
// the transport, since the runner is a child process and each worker another; but every FLOW_CONFORMANCE_* variable
// is named, typed and parsed here. The CLI (cli/run.ts) writes them with writeRunSettings; the workers
// (suites/support/fixtures.ts, target.ts, transport.ts), the outcomes reporter and playwright.config.ts read them with
// readRunSettings, which names the variable and what it must be when a value does not parse.
import type { KitConfig } from './config.ts';

export const TRANSPORTS = ['node', 'playwright'] as const;
export type TransportName = (typeof TRANSPORTS)[number];

export class RunSettingError extends Error {
  override readonly name = 'RunSettingError';
}

interface Setting<T> {
  /** The environment variable that carries it. */
  readonly env: string;
  /** The value of a set variable (never empty: an empty one is unset); throws RunSettingError. */
  readonly parse: (text: string, env: string) => T;
  readonly format: (value: T) => string;
}

interface Defaulted<T> extends Setting<T> {
  /** What an unset variable means. */
  readonly unset: T;
}

const bad = (env: string, what: string, text: string): RunSettingError => new RunSettingError(`${env} must be ${what}, not ${JSON.stringify(text)}`);

const text = (env: string): Setting<string> => ({ env, parse: (value) => value, format: (value) => value });

/** '1' or 'true' on, '0' or 'false' off; unset is off. Written as '1', or '' (set, so a caller's shell cannot turn it on). */
const flag = (env: string): Defaulted<boolean> => ({
  env,
  unset: false,
  parse: (value, name) => {
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    throw bad(name, "1 or 0 (or true or false)", value);
  },
  format: (value) => (value ? '1' : ''),
});

const integer = (env: string, min: number = Number.MIN_SAFE_INTEGER): Setting<number> => ({
  env,
  parse: (value, name) => {
    const number = Number(value.trim());
    if (!Number.isSafeInteger(number) || number < min) throw bad(name, min > Number.MIN_SAFE_INTEGER ? `an integer ≥ ${min}` : 'an integer', value);
    return number;
  },
  format: String,
});

const positive = (env: string): Setting<number> => ({
  env,
  parse: (value, name) => {
    const number = Number(value.trim());
    if (!Number.isFinite(number) || number <= 0) throw bad(name, 'a number > 0', value);
    return number;
  },
  format: String,
});

/** Comma-separated; unset is none. */
const list = (env: string): Defaulted<string[]> => ({
  env,
  unset: [],
  parse: (value) => value.split(',').map((item) => item.trim()).filter(Boolean),
  format: (value) => value.join(','),
});

const oneOf = <const T extends string>(env: string, names: readonly T[]): Setting<T> => ({
  env,
  parse: (value, name) => {
    if (!(names as readonly string[]).includes(value)) throw new RunSettingError(`${name} must be one of ${names.join(', ')}, not '${value}'`);
    return value as T;
  },
  format: (value) => value,
});

const json = <T>(env: string, what: string): Setting<T> => ({
  env,
  parse: (value, name) => {
    try {
      return JSON.parse(value) as T;
    } catch {
      throw new RunSettingError(`${name} must be ${what} as JSON, and does not parse`);
    }
  },
  format: (value) => JSON.stringify(value),
});

export const RUN_SETTINGS = {
  /** The run's cleanup ledger (kit/ledger.ts): every entity is listed the moment it exists. */
  ledgerFile: text('FLOW_CONFORMANCE_LEDGER'),
  /** Where the reporter writes the outcomes the CLI folds. */
  reportDir: text('FLOW_CONFORMANCE_REPORT_DIR'),
  /** Prefix of every entity name the run creates (each worker adds `-w<index>`). */
  runId: text('FLOW_CONFORMANCE_RUN_ID'),
  /** The id every shard of one run shares (cli/shard.ts): the model-based suite's seed comes from it. */
  shardRunId: text('FLOW_CONFORMANCE_SHARD_RUN_ID'),
  /** --strict: SHOULD failures fail the run. */
  strict: flag('FLOW_CONFORMANCE_STRICT'),
  /** --read-only: only checks tagged @read-only run. */
  readOnly: flag('FLOW_CONFORMANCE_READ_ONLY'),
  /** --fault: the embedded reference servers' fault modes. */
  faults: list('FLOW_CONFORMANCE_FAULTS'),
  /** --seed, --path: replay of the model-based suite. */
  seed: integer('FLOW_CONFORMANCE_SEED'),
  path: text('FLOW_CONFORMANCE_PATH'),
  /** --runs: the model-based budget. */
  runs: integer('FLOW_CONFORMANCE_RUNS', 0),
  /** --writers: concurrent PATCHes in the ETAG-003 race. */
  writers: integer('FLOW_CONFORMANCE_WRITERS', 1),
  /** --timeout, in milliseconds: each request attempt's. */
  timeoutMs: positive('FLOW_CONFORMANCE_TIMEOUT_MS'),
  /** --transport (suites/support/transport.ts); unset is `node`. */
  transport: oneOf('FLOW_CONFORMANCE_TRANSPORT', TRANSPORTS),
  /** Each worker's share of --max-requests. */
  maxRequestsPerWorker: integer('FLOW_CONFORMANCE_MAX_REQUESTS_PER_WORKER', 1),
  /** --config: the user's config file, which a bare Playwright run loads itself. */
  configFile: text('FLOW_CONFORMANCE_CONFIG'),
  /** The config the CLI loaded and checked (kit/config-file.ts): the workers take it as it is. */
  configJson: json<KitConfig>('FLOW_CONFORMANCE_CONFIG_JSON', 'the checked config'),
  /** The shared "not before" file of a --target run (kit/hold.ts). */
  holdFile: text('FLOW_CONFORMANCE_HOLD_FILE'),
  /** The shared no-answer count of a --target run (kit/breaker.ts). */
  breakerFile: text('FLOW_CONFORMANCE_BREAKER_FILE'),
  /** Self-validation only (playwright.config.ts): a project per fault mode named here, or `all`. Never a CLI run's. */
  mutation: list('FLOW_CONFORMANCE_MUTATION'),
} as const;

type Table = typeof RUN_SETTINGS;
export type RunSettingName = keyof Table;
type ValueOf<S> = S extends Setting<infer T> ? T : never;

/** Every setting as a worker sees it: a flag or a list always has a value, anything else may be unset. */
export type RunSettings = { [K in RunSettingName]: Table[K] extends Defaulted<infer T> ? T : ValueOf<Table[K]> | undefined };

/** The variable of each setting, for tests and messages that name one: RUN_SETTING_ENV.strict is FLOW_CONFORMANCE_STRICT. */
export const RUN_SETTING_ENV = Object.fromEntries(Object.entries(RUN_SETTINGS).map(([name, setting]) => [name, setting.env])) as { [K in RunSettingName]: Table[K]['env'] };

/** One setting; an empty variable is unset. Throws RunSettingError for a value that does not parse. */
export function readRunSetting<K extends RunSettingName>(name: K, env: NodeJS.ProcessEnv = process.env): RunSettings[K] {
  const setting = RUN_SETTINGS[name] as Setting<unknown> & Partial<Defaulted<unknown>>;
  const value = env[setting.env];
  if (value === undefined || value === '') return setting.unset as RunSettings[K];
  return setting.parse(value, setting.env) as RunSettings[K];
}

/** Every setting, parsed once (a worker reads them at start). */
export function readRunSettings(env: NodeJS.ProcessEnv = process.env): RunSettings {
  return Object.fromEntries((Object.keys(RUN_SETTINGS) as RunSettingName[]).map((name) => [name, readRunSetting(name, env)])) as RunSettings;
}

/**
 * Writes `settings` into `env` (the child's environment): a value is formatted into its variable, `undefined` removes
 * the variable (so a caller's shell cannot set it), and a setting left out keeps whatever `env` already holds.
 */
export function writeRunSettings(env: NodeJS.ProcessEnv, settings: { [K in RunSettingName]?: RunSettings[K] | undefined }): NodeJS.ProcessEnv {
  for (const [name, value] of Object.entries(settings) as [RunSettingName, unknown][]) {
    const setting = RUN_SETTINGS[name] as Setting<unknown>;
    if (value === undefined) delete env[setting.env];
    else env[setting.env] = setting.format(value);
  }
  return env;
}

/** The prefix of a run's entity names when the CLI gave none: `fck-` and the time, so runs never collide. */
export function defaultRunId(): string {
  return `fck-${Date.now().toString(36)}`;
}
