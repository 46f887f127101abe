// index.html: one self-contained file a person reads in a minute: the verdict, the counts, what failed and what could
// not be checked at the top (with, for an embedded run, how to start the same server again), then a matrix by area and
// every requirement with its evidence (the exchange that broke the rule marked and open), then the run itself: its
// timeline, slowest checks, cleanup and specs (html-report-sections.ts). Inline CSS and JS, the data as a JSON block, no
// network. The top is rendered here (readable even with scripts blocked); the rest is built by the client script
// with textContent only, so nothing a target answers can become markup. A hash-pinned CSP is the second fence.
import { recheckCommand } from './baseline.ts';
import { VERDICT_WORDS } from './verdict.ts';
import { createHash } from 'node:crypto';
import { Redactor } from '../kit/redact.ts';
import { REPORT_CSS, REPORT_JS } from './html-report-assets.ts';
import { draftSupport, escapeHtml, formatDuration, reproduceBox, reprosBox, runDetails } from './html-report-sections.ts';
import { stripAnsi, type Evidence, type Status } from './fold.ts';
import type { BaselineNote, Reproduce, ResultRecord, Results } from './results.ts';

export { escapeHtml, formatDuration };

export const STATUS_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'not-applicable'];
const STATUS_LABEL: Record<Status, string> = { fail: 'Fail', error: 'Error', warn: 'Warn', pass: 'Pass', 'not-applicable': 'Not applicable' };
const SOURCE_NAMES: Record<string, string> = {
  T: 'draft tutorial', U: 'update tutorials', E: 'Flow Service error catalogue', O: 'OpenAPI reference', H: 'HTTP semantics (RFC 9110)',
};
// curl sets these itself; copying them would only make the command wrong
const CURL_SKIPS = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'user-agent']);
const PLACEHOLDERS: Record<string, string> = { authorization: 'Bearer $AEP_ACCESS_TOKEN', 'x-api-key': '$AEP_API_KEY' };
// the recorder redacts already; masking again here keeps a secret out of the report even if a caller forgot to
const masker = new Redactor([]);

export interface ViewExchange {
  method: string; url: string; status?: number; error?: string; durationMs?: number; operationId?: string; retries?: number; retryWaitMs?: number;
  requestHeaders: [string, string][]; requestBody?: string; responseHeaders: [string, string][]; responseBody?: string;
  curl: string;
  /** The setup step that sent it; `cleanup`: the test's teardown sent it, after the check. */
  step?: string; cleanup?: true;
}
export interface ViewEvidence {
  test: string; outcome: string; location?: string; text: string; steps: string[]; stepsTitle?: string; replay?: string;
  exchanges: ViewExchange[]; culprit?: number; omitted?: number;
  /** The failure's "expected … received …", shown on the exchange that broke the rule. */
  expected?: string; received?: string;
}
export interface ViewRequirement {
  id: string; level: string; area: string; areaName: string; title: string; statement: string; sources: string[];
  codes: [string, string][]; status: Status; reason: string; durationMs: number; baseline?: { kind: string; text: string; link?: string };
  evidence: ViewEvidence[];
}

/** Shell-quotes a value in single quotes: nothing inside is expanded. */
function sq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A copy-paste curl for a recorded request; credentials become the kit's environment variables. */
export function curlOf(request: { method: string; url: string; headers: Record<string, string>; body?: unknown }): string {
  const lines = [`curl -X ${request.method.toUpperCase()} ${sq(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (CURL_SKIPS.has(lower)) continue;
    const placeholder = PLACEHOLDERS[lower] ?? (value.includes('[redacted]') ? `$${lower.replace(/[^a-z0-9]+/g, '_').toUpperCase()}` : undefined);
    if (placeholder === undefined) lines.push(`-H ${sq(`${name}: ${value}`)}`);
    else if (/^[A-Za-z0-9-]+$/.test(name)) lines.push(`-H "${name}: ${placeholder}"`);
    else lines.push(`-H ${sq(`${name}: `)}"${placeholder}"`);
  }
  if (request.body !== undefined) lines.push(`--data-raw ${sq(typeof request.body === 'string' ? request.body : JSON.stringify(request.body))}`);
  return lines.join(' \\\n  ');
}

/**
 * What a failure's evidence says: its message; for a model-based failure, the fields of its model-failure annotation
 * (the shrunk steps, the replay line, the notes; the text is the message's first line), never lines cut out of it.
 */
export function failureText(e: Pick<Evidence, 'message' | 'model'>): Pick<ViewEvidence, 'text' | 'steps' | 'stepsTitle' | 'replay'> {
  const message = stripAnsi(e.message ?? '').trim();
  if (!e.model) return { text: message, steps: [] };
  const { cause, notes = [], steps, replay } = e.model;
  // the cause as the runner reported it (its first line, with the error's name, like every other failure's text)
  const text = [message.split('\n')[0] || cause || '', ...notes].join('\n').trim();
  return { text, steps, stepsTitle: `shrunk sequence (${steps.length} step${steps.length === 1 ? '' : 's'})`, replay };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function headersOf(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value)).map(([k, v]) => [k, String(v)]));
}

function pretty(body: unknown, text?: unknown): string | undefined {
  if (body !== undefined && body !== null && typeof body !== 'string') return JSON.stringify(body, null, 2);
  if (typeof body === 'string' && body !== '') return body;
  if (typeof text === 'string' && text.trim() !== '') return text;
  return body === null ? 'null' : undefined;
}

/** An embedded worker's server (127.0.0.1, a port of the run's, gone with it) becomes the one the Reproduce box starts. */
function servedUrl(url: string, reproduce: Reproduce | undefined): string {
  return reproduce ? url.replace(/^http:\/\/127\.0\.0\.1:\d+(?=\/)/, new URL(reproduce.baseUrl).origin) : url;
}

function exchangeOf(raw: unknown, reproduce?: Reproduce): ViewExchange {
  const x = record(raw);
  const req = record(x.request);
  const res = x.response === undefined ? undefined : record(x.response);
  const request = { method: String(req.method ?? 'GET'), url: String(req.url ?? ''), headers: masker.headers(headersOf(req.headers)), body: req.body };
  const requestBody = pretty(req.body);
  const responseBody = res ? pretty(res.body, res.text) : undefined;
  return {
    method: request.method, url: request.url,
    ...(typeof res?.status === 'number' ? { status: res.status } : {}),
    ...(typeof x.error === 'string' ? { error: stripAnsi(x.error) } : {}),
    ...(typeof x.durationMs === 'number' ? { durationMs: x.durationMs } : {}),
    ...(typeof x.operationId === 'string' ? { operationId: x.operationId } : {}),
    ...(typeof x.retries === 'number' && x.retries > 0 ? { retries: x.retries, retryWaitMs: typeof x.retryWaitMs === 'number' ? x.retryWaitMs : 0 } : {}),
    requestHeaders: Object.entries(request.headers),
    ...(requestBody !== undefined ? { requestBody } : {}),
    responseHeaders: Object.entries(res ? masker.headers(headersOf(res.headers)) : {}),
    ...(responseBody !== undefined ? { responseBody } : {}),
    curl: curlOf({ ...request, url: servedUrl(request.url, reproduce) }),
    ...(typeof x.step === 'string' ? { step: x.step } : {}),
    ...(x.phase === 'cleanup' ? { cleanup: true as const } : {}),
  };
}

/** "POST /x: expected 4xx (why), received 200 {…} [ORD-003]" as its two halves. */
function expectedReceived(message: string): Pick<ViewEvidence, 'expected' | 'received'> {
  const line = stripAnsi(message).split('\n')[0] ?? '';
  const match = /\bexpected (.+?), received (.+?)(?: \[[A-Z]+-\d{3}\])?$/.exec(line);
  if (!match) return {};
  const received = match[2]!;
  return { expected: match[1]!, received: received.length > 300 ? `${received.slice(0, 299)}…` : received };
}

function evidenceOf(e: Evidence, reproduce: Reproduce | undefined): ViewEvidence {
  const location = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}` : undefined;
  const culprit = typeof e.culprit === 'number' && e.culprit >= 0 && e.culprit < (e.exchanges ?? []).length ? e.culprit : undefined;
  return {
    test: e.test, outcome: e.outcome, ...(location ? { location } : {}), ...failureText(e),
    exchanges: (e.exchanges ?? []).map((x) => exchangeOf(x, reproduce)),
    ...(culprit !== undefined ? { culprit, ...expectedReceived(e.message ?? '') } : {}),
    ...(typeof e.omitted === 'number' && e.omitted > 0 ? { omitted: e.omitted } : {}),
  };
}

function baselineOf(note: BaselineNote | undefined, id: string): ViewRequirement['baseline'] {
  if (!note) return undefined;
  const link = note.expected?.link && /^https?:\/\//i.test(note.expected.link) ? { link: note.expected.link } : {};
  if (note.expected && note.expired) {
    return { kind: 'expired', text: `Baseline entry expired${note.expected.expires ? ` on ${note.expected.expires}` : ''}: this failure counts again. Listed because: ${note.expected.reason}`, ...link };
  }
  if (note.expected) {
    return { kind: 'expected', text: `Known failure (baseline): ${note.expected.reason}${note.expected.expires ? ` · expires ${note.expected.expires}` : ''}`, ...link };
  }
  if (note.fixed) return { kind: 'fixed', text: 'Fixed: the baseline lists this requirement as a known failure, but it passed. Remove the entry.' };
  if (note.notRechecked) return { kind: 'not-rechecked', text: `Baseline entry not re-checked: this run passed, but did not replay the entry's counterexample, so the entry stays. To re-check it: ${recheckCommand(id, note.notRechecked)}` };
  if (note.expired) return { kind: 'expired', text: 'Baseline entry expired: this failure counts again.' };
  return undefined;
}

function requirementOf(r: ResultRecord, areas: Record<string, string>, reproduce?: Reproduce): ViewRequirement {
  const baseline = baselineOf(r.baseline, r.id);
  return {
    id: r.id, level: r.level, area: r.area, areaName: areas[r.area] ?? r.area, title: r.title, statement: r.statement,
    sources: r.source.filter((s) => !SOURCE_NAMES[s]), codes: r.source.filter((s) => SOURCE_NAMES[s]).map((s) => [s, SOURCE_NAMES[s] ?? s]),
    status: r.status, reason: stripAnsi(r.reason), durationMs: r.durationMs, ...(baseline ? { baseline } : {}),
    evidence: r.evidence.map((e) => evidenceOf(e, reproduce)),
  };
}

/** JSON that can sit inside a <script> block: no `<` (so no `</script>` or `<!--`), no line separators. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function firstLine(text: string, max = 220): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function whatFailed(list: ViewRequirement[], warnings: ViewRequirement[]): string {
  if (list.length === 0) return '';
  // failures the baseline expects go last: the news is what nobody knew about
  const known = (r: ViewRequirement) => (r.baseline?.kind === 'expected' ? 1 : 0);
  const items = [...list].sort((a, b) => known(a) - known(b)).map((r) => {
    const known = r.baseline?.kind === 'expected' ? '<span class="tag tag-known">known failure</span>' : r.baseline?.kind === 'expired' ? '<span class="tag tag-expired">baseline expired</span>' : '';
    return `<li><a href="#open=${escapeHtml(r.id)}" data-open="${escapeHtml(r.id)}"><code class="rid">${escapeHtml(r.id)}</code> <span class="lvl lvl-${escapeHtml(r.level)}">${escapeHtml(r.level)}</span> <strong>${escapeHtml(r.title)}</strong></a>${known}<div class="why">${escapeHtml(firstLine(r.reason))}</div></li>`;
  }).join('');
  const warns = warnings.length === 0 ? '' : `<p class="also">Also ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (SHOULD): ${warnings.map((r) => `<a href="#open=${escapeHtml(r.id)}" data-open="${escapeHtml(r.id)}"><code>${escapeHtml(r.id)}</code></a>`).join(', ')}</p>`;
  return `<section class="what-failed" aria-labelledby="wf-h"><h2 id="wf-h">What failed <span class="count">${list.length}</span></h2><ol>${items}</ol>${warns}</section>`;
}

/** What the kit could not check, right under what failed: a MUST here leaves the run without a verdict. */
function couldNotCheck(list: ViewRequirement[]): string {
  if (list.length === 0) return '';
  const items = [...list].sort((a, b) => (a.level === 'MUST' ? 0 : 1) - (b.level === 'MUST' ? 0 : 1)).map((r) => {
    const note = r.level === 'MUST' ? '' : '<span class="tag">SHOULD: does not fail the run</span>';
    return `<li><a href="#open=${escapeHtml(r.id)}" data-open="${escapeHtml(r.id)}"><code class="rid">${escapeHtml(r.id)}</code> <span class="lvl lvl-${escapeHtml(r.level)}">${escapeHtml(r.level)}</span> <strong>${escapeHtml(r.title)}</strong></a>${note}<div class="why">${escapeHtml(firstLine(r.reason))}</div></li>`;
  }).join('');
  return `<section class="could-not-check" aria-labelledby="cnc-h"><h2 id="cnc-h">What could not be checked <span class="count">${list.length}</span></h2><p class="also">The kit could not check these: not the target's failure, and no pass either.</p><ol>${items}</ol></section>`;
}

export const VERDICT_WORD: Record<Results['verdict'], string> = VERDICT_WORDS;
const VERDICT_CLASS: Record<Results['verdict'], string> = { conformant: 'ok', partial: 'partial', 'non-conformant': 'bad', 'no-verdict': 'none' };

function header(results: Results, reqs: ViewRequirement[]): string {
  const failed = reqs.filter((r) => r.status === 'fail');
  const warnings = reqs.filter((r) => r.status === 'warn');
  // the verdict and why are decideVerdict's answer (cli/verdict.ts), never worked out again here
  const reason = results.verdictReason ?? '';
  const gist = reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` : '';
  // the headline is results.json's (headlineOf): the word, then how many failures the baseline forgave
  const word = VERDICT_WORD[results.verdict] ?? escapeHtml(String(results.verdict));
  const headline = results.headline ?? word;
  const known = headline.startsWith(word) && headline.length > word.length ? `<span class="verdict-known">${escapeHtml(headline.slice(word.length))}</span>` : '';
  // a failure found before Ctrl-C is still non-conformant; the reason then names the failures, so say it here too
  const interrupted = results.interrupted ? '<span class="verdict-note" id="interrupted">The run was interrupted (SIGINT or SIGTERM): the checks it cut off or never reached could not be checked.</span>' : '';
  const duration = Date.parse(results.finishedAt) - Date.parse(results.startedAt);
  const meta: [string, string][] = [
    ['Target', `${results.target}${results.embedded && !results.target.includes('embedded') ? ' (embedded reference server)' : ''}`],
    ['Kit', `${results.kit.name} ${results.kit.version}`],
    ['Strict', results.strict ? 'yes: SHOULD failures fail the run' : 'no: SHOULD failures are warnings'],
    ['Started', when(results.startedAt)], ['Finished', when(results.finishedAt)], ['Duration', formatDuration(duration)],
  ];
  if (results.seed !== null) meta.push(['Seed', String(results.seed)]);
  if (results.model) meta.push(['Model runs', `${results.model.runs ?? '?'} runs, ${results.model.steps ?? '?'} steps`]);
  const tiles = STATUS_ORDER.map((s) => `<button type="button" class="tile tile-${s}${results.summary[s] ? '' : ' none'}" data-only="${s}" title="Show only ${STATUS_LABEL[s].toLowerCase()}"><span class="num" data-count="${s}">${escapeHtml(String(results.summary[s] ?? 0))}</span><span class="lbl">${STATUS_LABEL[s]}</span></button>`).join('');
  const safe = (href: string | undefined) => href !== undefined && !/^\s*(javascript|data|vbscript):/i.test(href);
  const playwright = safe(results.playwrightReport)
    ? `<a class="pw" href="${escapeHtml(results.playwrightReport!)}">Playwright report (traces, logs) →</a>`
    // a merged report links each shard's own
    : (results.playwrightReports ?? []).filter((p) => safe(p.href)).map((p) => `<a class="pw" href="${escapeHtml(p.href)}">Playwright report${p.shard ? `, shard ${escapeHtml(p.shard)}` : ''} →</a>`).join('');
  return `<header class="top">
<div class="verdict verdict-${VERDICT_CLASS[results.verdict] ?? 'bad'}"><div class="verdict-main"><span class="verdict-word" id="verdict">${word}${known}</span><span class="gist">${escapeHtml(gist)}</span>${interrupted}</div><div class="verdict-side">Flow Service conformance report</div></div>
<div class="overview"><dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd${k === 'Target' ? ' class="target"' : ''}>${escapeHtml(v)}</dd></div>`).join('')}</dl>
<div class="tiles" role="group" aria-label="Counts by status">${tiles}</div></div>
${whatFailed(failed, warnings)}
${couldNotCheck(reqs.filter((r) => r.status === 'error'))}
<div class="run-links"><div class="cmd"><span class="cmd-lbl">Re-run</span><code id="command">${escapeHtml(results.command)}</code><button type="button" class="copy" data-copy="command">Copy</button></div>${playwright}</div>
</header>`;
}

export function renderHtmlReport(results: Results): string {
  // an embedded run's curls name the server its Reproduce box starts; a --target run's stay as they were sent
  const reproduce = results.embedded ? results.reproduce : undefined;
  const reqs = results.requirements.map((r) => requirementOf(r, results.areas, reproduce));
  const view = {
    areas: Object.entries(results.areas), statuses: STATUS_ORDER, labels: STATUS_LABEL, requirements: reqs,
  };
  const cspHash = createHash('sha256').update(REPORT_JS).digest('base64');
  const title = `${results.headline ?? VERDICT_WORD[results.verdict] ?? results.verdict} · ${results.target} · Flow Service conformance`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${cspHash}'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="${escapeHtml(`${results.kit.name} ${results.kit.version}`)}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${header(results, reqs)}
${reproduceBox(results)}
${reprosBox(results)}
${results.readOnly ? draftSupport(results) : ''}
<main id="app"><noscript><p class="noscript">The matrix, filters and evidence need JavaScript; results.json next to this file holds the same data.</p></noscript></main>
${runDetails(results)}
<footer class="foot">Generated by ${escapeHtml(`${results.kit.name} ${results.kit.version}`)} at ${escapeHtml(when(results.finishedAt))}. Self-contained: works offline; the data is results.json.</footer>
<script type="application/json" id="report-data">${embedJson(view)}</script>
<script>${REPORT_JS}</script>
</body>
</html>
`;
}
