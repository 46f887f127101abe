// Command-line parsing and validation. Every bad input becomes a UsageError with one clear line (exit code 2).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TRANSPORTS, type TransportName } from '../suites/support/transport.ts';

export class UsageError extends Error {}

export const USAGE = `flow-conformance: is this Flow Service implementation conformant to the draft lifecycle?

Usage:
  flow-conformance [run] [options]        check every requirement against a target (default: the embedded reference server)
  flow-conformance list                   the requirement catalogue with levels
  flow-conformance merge DIR... [--report-dir DIR] [--strict]   merge shard report dirs into one report
  flow-conformance cleanup --ledger FILE [--target URL]         delete what an interrupted run left behind
  flow-conformance sweep --prefix P [--target URL] [--yes]      list (and with --yes delete) entities named P…

Options:
  --target URL            service base URL, e.g. https://platform.adobe.io/data/foundation/flowservice
                          (default: AEP_FLOW_SERVICE_URL, else the embedded reference server)
  --config FILE           flow-conformance.config.ts with specs and fixtures for a real target
  --report-dir DIR        where reports go (default reports/<timestamp>, with reports/latest pointing at it)
  --strict                SHOULD failures fail the run; so do baseline entries that now pass
  --requirement ID        only the checks of this requirement (repeatable, or comma-separated)
  --grep REGEX            only checks whose title matches
  --seed N, --path P      replay the model-based suite (ORD-007) exactly, as a failure report prints
  --runs N                model-based budget (default 50 runs; 20 with --target)
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

Exit codes: 0 conformant; 1 non-conformant (a MUST failed, or a SHOULD or a fixed baseline entry under --strict);
            2 no verdict (nothing failed, but a MUST could not be checked, or --max-requests ran out), or a usage or
            configuration error, or a target that cannot be reached or refuses the credentials; 130 interrupted.
Statuses:   pass, fail, warn (SHOULD, outside --strict), error (the kit could not check it), not-applicable.

Examples:
  npx flow-conformance                                   # against the embedded reference server
  npx flow-conformance --target http://127.0.0.1:8080/data/foundation/flowservice --strict
  npx flow-conformance --requirement ORD-003 --requirement ORD-004
  npx flow-conformance --requirement ORD-007 --seed 42 --path "12:3:1"
  npx flow-conformance --shard 1/2 --report-dir reports/s1 && npx flow-conformance merge reports/s1 reports/s2`;

export interface RunOptions {
  command: 'run' | 'list' | 'merge' | 'cleanup' | 'sweep' | 'help' | 'version';
  ledger?: string;
  prefix?: string;
  yes: boolean;
  readOnly: boolean;
  maxRequests?: number;
  transport?: TransportName;
  target?: string;
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

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value)) throw new UsageError(`--${name} must be a positive integer, not '${value}'`);
  return Number(value);
}

export function parseCommandLine(argv: string[]): RunOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' }, config: { type: 'string' }, 'report-dir': { type: 'string' }, strict: { type: 'boolean' },
        requirement: { type: 'string', multiple: true }, grep: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' },
        runs: { type: 'string' }, writers: { type: 'string' }, workers: { type: 'string' }, shard: { type: 'string' },
        baseline: { type: 'string' }, 'write-baseline': { type: 'string' }, timeout: { type: 'string' },
        fault: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
        ledger: { type: 'string' }, prefix: { type: 'string' }, yes: { type: 'boolean', short: 'y' },
        'read-only': { type: 'boolean' }, 'max-requests': { type: 'string' }, transport: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  let command: RunOptions['command'] = 'run';
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (first === 'list' || first === 'merge' || first === 'run' || first === 'cleanup' || first === 'sweep') command = first;
  else if (first !== undefined) throw new UsageError(`unknown command '${first}' (commands: run, list, merge, cleanup, sweep; see --help)`);
  if (command === 'cleanup' && (values.ledger === undefined || !existsSync(values.ledger))) throw new UsageError(`cleanup needs --ledger FILE (an existing ledger.jsonl from a report dir)`);
  if (command === 'sweep' && !values.prefix) throw new UsageError('sweep needs --prefix (the run prefix, e.g. fck-)');
  if (command === 'run' && rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  if (command === 'merge' && rest.length === 0) throw new UsageError('merge needs at least one report directory');

  const options: RunOptions = {
    command, strict: values.strict ?? false, yes: values.yes ?? false, readOnly: values['read-only'] ?? false,
    ...(values.ledger ? { ledger: values.ledger } : {}), ...(values.prefix ? { prefix: values.prefix } : {}), faults: values.fault ?? [], mergeDirs: command === 'merge' ? rest : [],
    requirements: (values.requirement ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase()).filter(Boolean),
  };
  if (values.target !== undefined) {
    let url: URL;
    try {
      url = new URL(values.target);
    } catch {
      throw new UsageError(`--target must be an http(s) URL, not '${values.target}'`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target must be an http(s) URL, not '${values.target}'`);
    options.target = values.target.replace(/\/+$/, '');
  }
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
    if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed must be an integer, not '${values.seed}'`);
    options.seed = Number(values.seed);
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
  const runs = positiveInt('runs', values.runs);
  const writers = positiveInt('writers', values.writers);
  const workers = positiveInt('workers', values.workers);
  const timeout = positiveInt('timeout', values.timeout);
  const maxRequests = positiveInt('max-requests', values['max-requests']);
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
