// The line a model-based failure prints to replay it: a command a user can paste as it is. It carries every option
// that changes the replayed sequence, the model's predictions or what is checked, and nothing secret.
import { DEFAULTS } from '../../kit/config.ts';

export interface ReplayRun {
  /** --strict: the model predicts a 4xx where the catalogue's SHOULD rules do. */
  strict: boolean;
  /** The embedded server's fault modes; the same server answers the replay only with the same faults. */
  faults: string[];
  /** A real target's base URL; undefined for the embedded server. */
  target?: string;
  /** The config file the run read (specs, fixtures, auth): the replay must create the same entities. */
  config?: string;
  requestTimeoutMs: number;
}

/**
 * `npx flow-conformance --requirement ORD-007 --seed S --path "P~L"`, then what the run had that matters.
 * Left out on purpose: --writers (ORD-007's races draw their own 2 to 5 writers from the seed; --writers sizes
 * ETAG-003's race only), --runs and --workers (a replay is one sequence in one part), --baseline (a replay is there to
 * fail), --transport (the suite always uses node). A --timeout other than the default is kept: a request that times out
 * is retried, and a retried create can change what the next steps see. Credentials and the sandbox stay in the
 * environment, as for the run itself; a URL's user and password are dropped.
 */
export function replayLine(seed: number, path: string, run: ReplayRun, select = '--requirement ORD-007'): string {
  const words = [`npx flow-conformance ${select}`, `--seed ${seed >>> 0}`, `--path "${path}"`];
  if (run.target !== undefined) words.push(`--target ${shellWord(withoutUserInfo(run.target))}`);
  if (run.config !== undefined) words.push(`--config ${shellWord(run.config)}`);
  if (run.strict) words.push('--strict');
  if (run.target === undefined) words.push(...run.faults.map((fault) => `--fault ${shellWord(fault)}`));
  if (run.requestTimeoutMs !== DEFAULTS.requestTimeoutMs) words.push(`--timeout ${Math.max(1, Math.ceil(run.requestTimeoutMs / 1000))}`);
  return words.join(' ');
}

function withoutUserInfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/** A word the shell passes on as it is: quoted only when it holds something a shell would read. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+,=-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
