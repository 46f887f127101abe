// Command-line parsing and validation. Every bad input becomes a UsageError with one clear line (exit code 2).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { editDistance } from '../kit/edit-distance.ts';
import { TRANSPORTS, type TransportName } from '../kit/run-settings.ts';

export class UsageError extends Error {}

export const USAGE = `flow-conformance: is this Flow Service implementation conformant to the draft lifecycle?

Usage:
  flow-conformance [run] [options]        check every requirement against a target (default: the embedded reference server)
  flow-conformance list                   the requirement catalogue with levels
  flow-conformance merge DIR... [--report-dir DIR] [--strict]   merge shard report dirs into one report
  flow-conformance cleanup --ledger FILE [--target URL]         delete what an interrupted run left behind
  flow-conformance sweep --prefix P [--target URL] [--yes]      list (and with --yes delete) entities named P…
  flow-conformance serve [--port N] [--host H] [--fault NAME]   run the reference server (a mock) until Ctrl-C
  flow-conformance compare --target A [--against B] [options]   run the same seeded checks on both; where do they differ?
  flow-conformance compare RUN_A RUN_B                          the same, for two finished runs (report dirs or results.json)

Options:
  --target URL            service base URL, e.g. https://platform.adobe.io/data/foundation/flowservice
                          (default: AEP_FLOW_SERVICE_URL, else the embedded reference server)
  --config FILE           flow-conformance.config.ts with specs and fixtures for a real target
  --report-dir DIR        where reports go (default reports/<timestamp>, with reports/latest pointing at it)
  --strict                SHOULD failures fail the run; so do baseline entries that now pass
  --requirement ID        only the checks of this requirement (repeatable, or comma-separated)
  --grep REGEX            only checks whose title matches
  --seed N, --path P      replay the model-based suite (ORD-007) or one property exactly: a failure prints the line
  --runs N                model-based budget (default 50 runs; 20 with --target); scales the property suite too
  --writers N             concurrent PATCHes in the ETAG-003 race (default 8)
  --workers N             parallel workers (default: 2 for the embedded server, 4 for any --target)
  --shard I/N             run one slice; combine slices with 'merge'
  --baseline FILE         known failures (YAML/JSON: knownFailures: [{id, reason, expires?, link?}])
  --write-baseline FILE   write the failures of this run as a baseline
  --timeout SECONDS       per-request timeout (default 30)
  --transport NAME        node (default: a keep-alive HTTP client) or playwright (each request also a step in
                          playwright-report/, at ~1.5 ms a request; the model-based suite always uses node)
  --read-only             send only GETs (spec discovery, draft support per spec, lists): safe against production
  --max-requests N        stop checking once N requests have been sent; what did not run is error (no verdict)
  --fault NAME            embedded reference server only: switch a fault mode on (repeatable)
  -h, --help              this help
  -v, --version           the kit's version

Environment: AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID, AEP_SANDBOX_NAME, AEP_OTHER_SANDBOX_NAME
  (or AEP_CLIENT_ID, AEP_CLIENT_SECRET, AEP_SCOPES, AEP_IMS_URL for an IMS token exchange).

Exit codes: 0   conformant, or partial (only a selection ran: --requirement, --grep or --shard; none of it failed);
                known failures (--baseline) do not count
            1   non-conformant (a MUST failed, or a SHOULD or a fixed baseline entry under --strict)
            2   no verdict (nothing failed, but a MUST could not be checked, no check ran, --max-requests ran out,
                the target stopped answering, or a merge lacks a shard), or a usage or configuration error, or a
                target that cannot be reached or refuses the credentials
            130 interrupted (Ctrl-C or SIGTERM): no verdict, or non-conformant if something had already failed
            compare: 0 the two agree on every requirement, 1 they disagree on some, 2 a side gave no verdict
Statuses:   pass, fail, warn (SHOULD, outside --strict), error (the kit could not check it), not-applicable.

Examples:
  npx flow-conformance                                   # against the embedded reference server
  npx flow-conformance --target http://127.0.0.1:8080/data/foundation/flowservice --strict
  npx flow-conformance --requirement ORD-003 --requirement ORD-004
  npx flow-conformance --requirement ORD-007 --seed 2592416263 --path "5:2:14:12:12:18:18:5:14:14~EACAHM0:VB" --fault flow-publish-checks-first-source-once-patched
                                                         # replays a shrunk ORD-007 failure, as its report prints it
  npx flow-conformance --shard 1/2 --report-dir reports/s1 && npx flow-conformance --shard 2/2 --report-dir reports/s2 \\
    && npx flow-conformance merge reports/s1 reports/s2  # two slices (on two machines, say), then one report`;

export interface RunOptions {
  command: 'run' | 'list' | 'merge' | 'cleanup' | 'sweep' | 'serve' | 'compare' | 'help' | 'version';
  /** serve: where the reference server listens. */
  port?: number;
  host?: string;
  ledger?: string;
  prefix?: string;
  yes: boolean;
  readOnly: boolean;
  maxRequests?: number;
  transport?: TransportName;
  target?: string;
  /** compare: the other implementation (default: the embedded reference server). */
  against?: string;
  /** compare: two finished runs instead of --target/--against. */
  compareFiles: string[];
  config?: string;
  reportDir?: string;
  strict: boolean;
  requirements: string[];
  grep?: string;
  seed?: number;
  path?: string;
  runs?: number;
  writers?: number;
  workers?: number;
  shard?: string;
  baseline?: string;
  writeBaseline?: string;
  timeoutSeconds?: number;
  faults: string[];
  mergeDirs: string[];
}

/** Every option, as parseArgs takes it; the pre-pass below reads it too, to name an unknown flag's nearest neighbour. */
const OPTIONS = {
  target: { type: 'string' }, against: { type: 'string' }, config: { type: 'string' }, 'report-dir': { type: 'string' }, strict: { type: 'boolean' },
  requirement: { type: 'string', multiple: true }, grep: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' },
  runs: { type: 'string' }, writers: { type: 'string' }, workers: { type: 'string' }, shard: { type: 'string' },
  baseline: { type: 'string' }, 'write-baseline': { type: 'string' }, timeout: { type: 'string' },
  fault: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
  ledger: { type: 'string' }, prefix: { type: 'string' }, yes: { type: 'boolean', short: 'y' },
  'read-only': { type: 'boolean' }, 'max-requests': { type: 'string' }, transport: { type: 'string' },
  port: { type: 'string' }, host: { type: 'string' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

type OptionName = keyof typeof OPTIONS;
const NAMES = Object.keys(OPTIONS) as OptionName[];
const SHORTS = new Map(NAMES.flatMap((name) => ('short' in OPTIONS[name] ? [[(OPTIONS[name] as { short: string }).short, name] as const] : [])));
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

function unknownOption(flag: string): UsageError {
  const near = nearestOption(flag);
  return new UsageError(`unknown option ${flag}${near ? ` (did you mean --${near}?)` : ''}; see flow-conformance --help`);
}

/**
 * The option a mistyped flag most likely meant: one edit away (two for longer names; a swap of two letters is one), or
 * the only option it is a prefix of. Nothing when nothing is that close: a wrong guess is worse than none.
 */
export function nearestOption(flag: string): OptionName | undefined {
  const typed = flag.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  if (typed === '') return undefined;
  let best: OptionName | undefined;
  let bestDistance = Infinity;
  for (const name of NAMES) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  if (best !== undefined && bestDistance <= (typed.length >= 6 ? 2 : 1)) return best;
  const extended = typed.length >= 3 ? NAMES.filter((name) => name.startsWith(typed)) : [];
  return extended.length === 1 ? extended[0] : undefined;
}

/**
 * The command line checked flag by flag before parseArgs sees it, so each mistake gets the kit's own one line: an
 * unknown flag with its nearest option, a value missing or given to a switch. A negative number after an option that
 * takes a value is that value (`--seed -1702551033`, as fast-check prints seeds): parseArgs would call it ambiguous,
 * so it is passed on as `--seed=-1702551033`, and the option's own check then takes or refuses it.
 */
export function normaliseArgv(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) {
      // short switches, alone or bundled (-hv); a number here is a value whose option is missing
      for (const letter of arg.slice(1)) {
        if (!SHORTS.has(letter)) throw NEGATIVE_NUMBER.test(arg) ? new UsageError(`unexpected value ${arg}: which option is it for? see flow-conformance --help`) : unknownOption(`-${letter}`);
      }
      out.push(arg);
      continue;
    }
    const at = arg.indexOf('=');
    const name = (at < 0 ? arg.slice(2) : arg.slice(2, at)) as OptionName;
    if (!Object.hasOwn(OPTIONS, name)) throw unknownOption(at < 0 ? arg : arg.slice(0, at));
    if (OPTIONS[name].type === 'boolean') {
      if (at >= 0) throw new UsageError(`--${name} is a switch and takes no value, not '${arg.slice(at + 1)}'`);
      out.push(arg);
      continue;
    }
    if (at >= 0) {
      out.push(arg);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value === '--') throw new UsageError(`--${name} needs a value; see flow-conformance --help`);
    if (value.startsWith('-') && !NEGATIVE_NUMBER.test(value)) {
      throw new UsageError(`--${name} needs a value, and ${value} is an option (a value that starts with '-' is written --${name}=${value})`);
    }
    out.push(`--${name}=${value}`);
    i++;
  }
  return out;
}

/** A count option: a whole number of at least `min`; `what` says what the number counts, for the error line. */
function wholeNumber(name: string, value: string | undefined, min = 1, what = ''): number | undefined {
  if (value === undefined) return undefined;
  const number = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!(number >= min) || !Number.isSafeInteger(number)) throw new UsageError(`--${name} must be a whole number${what} ≥ ${min}, got ${value === '' ? "''" : value}`);
  return number;
}

/** An http(s) URL option without its trailing slashes, or the one-line error that names the option. */
function httpUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${option} must be an http(s) URL, not '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option} must be an http(s) URL, not '${value}'`);
  return value.replace(/\/+$/, '');
}

export function parseCommandLine(argv: string[]): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: normaliseArgv(argv), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message.split('\n')[0] ?? 'invalid arguments'}; see flow-conformance --help`);
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: RunOptions['command'] = 'run';
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (first === 'list' || first === 'merge' || first === 'run' || first === 'cleanup' || first === 'sweep' || first === 'serve' || first === 'compare') command = first;
  else if (first !== undefined) throw new UsageError(`unknown command '${first}' (commands: run, list, merge, cleanup, sweep, serve, compare; see --help)`);
  if (command !== 'compare' && values.against !== undefined) throw new UsageError(`--against is for 'flow-conformance compare'`);
  if (command !== 'serve' && (values.port !== undefined || values.host !== undefined)) throw new UsageError(`--${values.port !== undefined ? 'port' : 'host'} is for 'flow-conformance serve'`);
  if (command === 'cleanup' && (values.ledger === undefined || !existsSync(values.ledger))) throw new UsageError(`cleanup needs --ledger FILE (an existing ledger.jsonl from a report dir)`);
  if (command === 'sweep' && !values.prefix) throw new UsageError('sweep needs --prefix (the run prefix, e.g. fck-)');
  if ((command === 'run' || command === 'serve') && rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  if (command === 'merge' && rest.length === 0) throw new UsageError('merge needs at least one report directory');

  const options: RunOptions = {
    command, strict: values.strict ?? false, yes: values.yes ?? false, readOnly: values['read-only'] ?? false,
    ...(values.ledger ? { ledger: values.ledger } : {}), ...(values.prefix ? { prefix: values.prefix } : {}), faults: values.fault ?? [], mergeDirs: command === 'merge' ? rest : [], compareFiles: command === 'compare' ? rest : [],
    requirements: (values.requirement ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase()).filter(Boolean),
  };
  if (values.target !== undefined) options.target = httpUrl('--target', values.target);
  if (values.against !== undefined) options.against = httpUrl('--against', values.against);
  if (values.config !== undefined) {
    if (!existsSync(values.config)) throw new UsageError(`--config: no such file '${values.config}'`);
    options.config = values.config;
  }
  if (values.baseline !== undefined && !existsSync(values.baseline)) throw new UsageError(`--baseline: no such file '${values.baseline}'`);
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) throw new UsageError(`--shard must look like 1/3, not '${values.shard}'`);
    options.shard = values.shard;
  }
  if (values.seed !== undefined) {
    // fast-check's seeds are 32-bit, printed signed by fast-check and unsigned by the kit: -1 and 4294967295 are one seed
    const seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : NaN;
    if (!(seed >= -(2 ** 31) && seed < 2 ** 32)) throw new UsageError(`--seed must be a whole number from -2147483648 to 4294967295 (a fast-check seed), got ${values.seed}`);
    options.seed = seed;
  }
  if (values.path !== undefined) {
    // fast-check's path, then (after ~) its log of which commands ran, which a shrunk command sequence needs
    if (!/^\d+(:\d+)*(~[A-Za-z0-9+/]*:[A-Za-z0-9+/]*)?$/.test(values.path)) throw new UsageError(`--path must look like 12:3:1~BA:B, as a failure report prints it, not '${values.path}'`);
    if (values.seed === undefined) throw new UsageError('--path replays a sequence of one seed: give the --seed the failure report prints with it');
    options.path = values.path;
  }
  if (values.transport !== undefined) {
    if (!(TRANSPORTS as readonly string[]).includes(values.transport)) throw new UsageError(`--transport must be one of ${TRANSPORTS.join(', ')}, not '${values.transport}'`);
    options.transport = values.transport as TransportName;
  }
  if (values.grep !== undefined) {
    try {
      new RegExp(values.grep);
    } catch {
      throw new UsageError(`--grep is not a valid regular expression: '${values.grep}'`);
    }
    options.grep = values.grep;
  }
  const port = wholeNumber('port', values.port, 0);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be from 0 (any free port) to 65535, got ${port}`);
  if (port !== undefined) options.port = port;
  if (values.host !== undefined) options.host = values.host;
  const runs = wholeNumber('runs', values.runs);
  // one writer is no race: ETAG-003 needs two PATCHes on the same etag at least
  const writers = wholeNumber('writers', values.writers, 2);
  const workers = wholeNumber('workers', values.workers);
  const timeout = wholeNumber('timeout', values.timeout, 1, ' of seconds');
  const maxRequests = wholeNumber('max-requests', values['max-requests']);
  if (maxRequests !== undefined) options.maxRequests = maxRequests;
  if (runs !== undefined) options.runs = runs;
  if (writers !== undefined) options.writers = writers;
  if (workers !== undefined) options.workers = workers;
  if (timeout !== undefined) options.timeoutSeconds = timeout;
  for (const [key, value] of [['reportDir', values['report-dir']], ['baseline', values.baseline], ['writeBaseline', values['write-baseline']]] as const) {
    if (value !== undefined) options[key] = value;
  }
  if (options.faults.length > 0 && options.target) throw new UsageError('--fault only applies to the embedded reference server (omit --target)');
  return options;
}
