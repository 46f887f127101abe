// `cleanup` retries a run's ledger; `sweep` finds entities whose names carry the kit's prefix (left by runs whose
// ledger is gone) and deletes them after confirmation or with --yes.
import { createInterface } from 'node:readline/promises';
import { UsageError, type RunOptions } from './args.ts';
import { existsSync } from 'node:fs';
import { LEDGER_FILE, readLedger } from '../kit/ledger.ts';
import { cleanUpLedger } from './ledger-cleanup.ts';
import { nextPath } from '../kit/next-link.ts';
import type { Credentials } from '../kit/credentials.ts';
import { DELETE_ORDER, isGone } from '../kit/kinds.ts';
import { platformRequest, requireTargetCredentials } from './platform-http.ts';


function targetOf(options: RunOptions, fallback?: string): string {
  const url = options.target ?? process.env.AEP_FLOW_SERVICE_URL ?? (fallback?.startsWith('http') ? fallback : undefined);
  if (!url) throw new UsageError('give the target with --target URL (or AEP_FLOW_SERVICE_URL)');
  return url;
}

/** The ledger as `cleanup` needs it: a file that is missing, unreadable or not a ledger is the user's error, said so. */
function ledgerFor(file: string): ReturnType<typeof readLedger> {
  if (!existsSync(file)) throw new UsageError(`cleanup: no ledger at ${file} (a run writes ${LEDGER_FILE} in its report dir)`);
  let ledger: ReturnType<typeof readLedger>;
  try {
    ledger = readLedger(file);
  } catch (error) {
    throw new UsageError(`cleanup: cannot read the ledger ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (ledger.unreadable > 0 && ledger.created === 0 && !ledger.target) {
    throw new UsageError(`cleanup: ${file} is not a ledger: none of its ${ledger.unreadable} lines is a ledger line`);
  }
  if (ledger.unreadable > 0) {
    console.warn(`warning: ${ledger.unreadable} line${ledger.unreadable === 1 ? '' : 's'} of ${file} could not be read (cut short?); what ${ledger.unreadable === 1 ? 'it' : 'they'} named may be left behind: \`flow-conformance sweep --prefix fck-\` finds entities by the kit's name prefix`);
  }
  return ledger;
}

export async function cleanupCommand(options: RunOptions): Promise<number> {
  const ledger = ledgerFor(options.ledger!);
  const url = targetOf(options, ledger.target);
  if (ledger.pending.length === 0) {
    console.log(`nothing to clean up: all ${ledger.created} entities in ${options.ledger} are deleted`);
    return 0;
  }
  const report = await cleanUpLedger(options.ledger!, url, await requireTargetCredentials(), ledger);
  console.log(`deleted ${report.deleted} of ${ledger.pending.length} entities left by the run`);
  for (const left of report.leftBehind) console.log(`  still there: ${left.kind}/${left.id} in ${left.sandbox} (${left.reason})`);
  return report.leftBehind.length === 0 ? 0 : 1;
}

async function listNamed(url: string, kind: string, prefix: string, creds: Credentials, sandbox: string): Promise<{ kind: string; id: string; name: string }[]> {
  const found: { kind: string; id: string; name: string }[] = [];
  const base = url.replace(/\/+$/, '');
  let next: string | undefined = `${base}/${kind}?limit=100`;
  for (let page = 0; next && page < 1000; page++) {
    const answer = await platformRequest('GET', next, creds, sandbox);
    if (answer.status !== 200) throw new UsageError(`GET /${kind} answered ${answer.status}; cannot sweep`);
    const body = (answer.body ?? {}) as { items?: { id?: string; name?: string }[]; _links?: { next?: { href?: unknown } } };
    for (const item of body.items ?? []) if (typeof item.name === 'string' && item.name.startsWith(prefix) && item.id) found.push({ kind, id: item.id, name: item.name });
    const href = body._links?.next?.href;
    if (href === undefined || (body.items ?? []).length === 0) break;
    // the same resolution the checks use, for any base path (an origin root too)
    const link = nextPath(base, next, href);
    if ('problem' in link) throw new UsageError(`GET /${kind}: cannot follow the next page: ${link.problem}`);
    next = base + link.path;
  }
  return found;
}

/** Every entity named `prefix…` in the sandbox, children first. */
async function findNamed(url: string, prefix: string, creds: Credentials, sandbox: string): Promise<{ kind: string; id: string; name: string }[]> {
  return (await Promise.all(DELETE_ORDER.map((kind) => listNamed(url, kind, prefix, creds, sandbox)))).flat();
}

/** Deletes each, in the order given; answers those still there, with the status that refused them. */
async function deleteEach(url: string, found: { kind: string; id: string }[], creds: Credentials, sandbox: string): Promise<{ kind: string; id: string; status: number }[]> {
  const left: { kind: string; id: string; status: number }[] = [];
  for (const entity of found) {
    const { status } = await platformRequest('DELETE', `${url}/${entity.kind}/${encodeURIComponent(entity.id)}`, creds, sandbox).catch(() => ({ status: 0 }));
    if (!isGone(status)) left.push({ kind: entity.kind, id: entity.id, status });
  }
  return left;
}

/** Deletes every entity named `prefix…` in the sandbox, children first; answers how many were deleted and left. */
export async function sweepPrefix(url: string, prefix: string, creds: Credentials, sandbox: string): Promise<{ deleted: number; left: number }> {
  const found = await findNamed(url, prefix, creds, sandbox);
  const left = await deleteEach(url, found, creds, sandbox);
  return { deleted: found.length - left.length, left: left.length };
}

export async function sweepCommand(options: RunOptions): Promise<number> {
  const url = targetOf(options);
  const creds = await requireTargetCredentials();
  const sandbox = process.env.AEP_SANDBOX_NAME || 'prod';
  const found = await findNamed(url, options.prefix!, creds, sandbox);
  if (found.length === 0) {
    console.log(`no entity named ${options.prefix}… in sandbox ${sandbox}`);
    return 0;
  }
  for (const entity of found) console.log(`  ${entity.kind.padEnd(18)} ${entity.id}  ${entity.name}`);
  let confirmed = options.yes;
  if (!confirmed && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    confirmed = /^y(es)?$/i.test((await rl.question(`delete these ${found.length} entities? [y/N] `)).trim());
    rl.close();
  }
  if (!confirmed) {
    console.log(`${found.length} entities listed; nothing deleted (pass --yes to delete)`);
    return 0;
  }
  const left = await deleteEach(url, found, creds, sandbox);
  for (const entity of left) console.log(`  could not delete ${entity.kind}/${entity.id}: ${entity.status || 'no answer'}`);
  console.log(`deleted ${found.length - left.length} of ${found.length}`);
  return left.length === 0 ? 0 : 1;
}
