// The report's sections about the run rather than one requirement, rendered here as static markup (readable with
// scripts blocked): how to get the same embedded server back (Reproduce), where the time went (a timeline, one mark
// per check, and the slowest checks), what the run left behind (cleanup), and which specs support drafts. Everything
// a target or a user could have written passes through escapeHtml.
import type { CheckRecord, Results } from './results.ts';
import type { Status } from './fold.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const LABEL: Record<Status, string> = { pass: 'Pass', fail: 'Fail', warn: 'Warn', error: 'Error', 'not-applicable': 'Not applicable' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function codeBox(id: string, text: string, label: string): string {
  return `<div class="cmd-box"><pre><code id="${id}">${escapeHtml(text)}</code></pre><button type="button" class="copy" data-copy="${id}" aria-label="Copy ${escapeHtml(label)}">Copy</button></div>`;
}

function reqLinks(ids: string[]): string {
  return ids.map((id) => `<a href="#open=${escapeHtml(id)}" data-open="${escapeHtml(id)}"><code>${escapeHtml(id)}</code></a>`).join(' ');
}

/** An embedded run: the server it ran against ended with it; this starts the same one, and says what it accepts. */
export function reproduceBox(results: Results): string {
  const r = results.reproduce;
  if (!results.embedded || !r) return '';
  const faults = results.faults ?? [];
  const env = Object.entries(r.credentials).map(([k, v]) => `${k}=${v}`).join(' ');
  const script = `export ${env}\n${r.serve}`;
  const withFaults = faults.length === 0 ? 'with no fault mode' : `with the fault mode${faults.length === 1 ? '' : 's'} ${faults.map((f) => `<code class="fault">${escapeHtml(f)}</code>`).join(', ')}`;
  return `<section class="reproduce" id="reproduce" aria-labelledby="rp-h">
<h2 id="rp-h">Reproduce</h2>
<p>This run checked the embedded reference server ${withFaults}; it ended with the run. From the kit's checkout, start the same server with its own test credentials (public values of the reference server, not yours), in a shell of its own:</p>
${codeBox('reproduce-serve', script, 'the serve command')}
<dl class="creds"><div><dt>Base URL</dt><dd><code>${escapeHtml(r.baseUrl)}</code></dd></div><div><dt>Authorization</dt><dd><code>Bearer ${escapeHtml(r.credentials.AEP_ACCESS_TOKEN)}</code></dd></div><div><dt>x-api-key</dt><dd><code>${escapeHtml(r.credentials.AEP_API_KEY)}</code></dd></div><div><dt>x-gw-ims-org-id</dt><dd><code>${escapeHtml(r.credentials.AEP_ORG_ID)}</code></dd></div></dl>
<p class="also">The evidence's curls point at <code>${escapeHtml(r.baseUrl)}</code> and take the credentials from those variables. A fresh server answers new ids: run a failure's setup curls in order and put the ids they answer into the later ones.</p>
</section>`;
}

/** Each failing requirement's standalone repro (cli/repro/): the two files, linked, and how to run them anywhere. */
export function reprosBox(results: Results): string {
  const repros = Object.entries(results.repros ?? {});
  if (repros.length === 0) return '';
  const items = repros.map(([id, r]) => `<li id="repro-${escapeHtml(id)}"><code>${escapeHtml(id)}</code> <a href="${escapeHtml(r.script)}">${escapeHtml(r.script)}</a> · <a href="${escapeHtml(r.spec)}">${escapeHtml(r.spec)}</a> <span class="also">(${r.steps} request${r.steps === 1 ? '' : 's'})</span></li>`).join('');
  return `<section class="reproduce" id="repros" aria-labelledby="rx-h">
<h2 id="rx-h">Repro files</h2>
<p>Each replays its failing check's requests against any target and ends on the answer that broke the rule: the script exits 1 while the failure reproduces, 0 once the target behaves; the spec fails and passes the same way. Neither needs the kit; secrets come from the environment.</p>
<ul class="repros">${items}</ul>
${codeBox('repro-run', `AEP_ACCESS_TOKEN=… AEP_API_KEY=… bash ${repros[0]![1].script} <service base URL>\nAEP_FLOW_SERVICE_URL=<service base URL> AEP_ACCESS_TOKEN=… AEP_API_KEY=… npx playwright test ${repros[0]![1].spec}`, 'the repro commands')}
</section>`;
}

/** One bar per check on the run's time axis, in as many lanes as checks ran at once, coloured by status. */
export function timeline(results: Results): string {
  const checks = (results.checks ?? []).filter((c): c is CheckRecord & { startMs: number } => c.startMs !== undefined);
  if (checks.length === 0) return '';
  const total = Math.max(Date.parse(results.finishedAt) - Date.parse(results.startedAt), ...checks.map((c) => c.startMs + c.durationMs), 1);
  const lanes: number[] = [];
  const placed = checks.map((c) => {
    let lane = lanes.findIndex((end) => end <= c.startMs);
    if (lane < 0) lane = lanes.push(0) - 1;
    lanes[lane] = c.startMs + c.durationMs;
    return { c, lane };
  });
  const width = 1000;
  const laneHeight = 14;
  const top = 4;
  const axis = top + lanes.length * laneHeight + 4;
  const x = (ms: number) => (ms / total) * width;
  const step = [100, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000].find((s) => total / s <= 10) ?? 1_200_000;
  const ticks: string[] = [];
  for (let t = 0; t <= total; t += step) {
    const edge = t === 0 ? ' tl-first' : x(t) > width - 30 ? ' tl-last' : '';
    ticks.push(`<line class="tl-tick" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${axis}"/><text class="tl-label${edge}" x="${x(t).toFixed(1)}" y="${axis + 12}">${t === 0 ? '0 s' : escapeHtml(formatDuration(t))}</text>`);
  }
  const first = Math.min(...checks.map((c) => c.startMs));
  const startup = first > 0 ? `<rect class="tl-startup" x="0" y="${top}" width="${x(first).toFixed(1)}" height="${axis - top}"><title>${escapeHtml(`start-up before the first check: ${formatDuration(first)}`)}</title></rect>` : '';
  const marks = placed.map(({ c, lane }) => {
    const label = `${c.requirements.join(', ') || 'no requirement'} · ${c.title} · ${formatDuration(c.durationMs)} · ${LABEL[c.status]}`;
    const open = c.requirements[0] ? ` data-open="${escapeHtml(c.requirements[0])}"` : '';
    return `<rect class="tl-mark tl-${c.status}"${open} x="${x(c.startMs).toFixed(2)}" y="${top + lane * laneHeight}" width="${Math.max(1.5, x(c.durationMs)).toFixed(2)}" height="${laneHeight - 3}" rx="2"><title>${escapeHtml(label)}</title></rect>`;
  }).join('');
  const counts = (Object.keys(LABEL) as Status[]).map((s) => [s, checks.filter((c) => c.status === s).length] as const).filter(([, n]) => n > 0);
  const legend = counts.map(([s, n]) => `<span class="tl-key"><span class="dot tl-${s}"></span>${LABEL[s]} ${n}</span>`).join('');
  return `<section class="timeline" id="timeline" aria-labelledby="tl-h"><h2 id="tl-h">Timeline</h2>
<p class="also">${plural(checks.length, 'check')} over ${escapeHtml(formatDuration(total))}, ${plural(lanes.length, 'lane')} (checks running at once); the shaded start is the runner and server starting. Hover a bar for its check, click it for its requirement.</p>
<div class="scroll"><svg class="tl-svg" viewBox="0 0 ${width} ${axis + 18}" width="100%" role="img" aria-label="${escapeHtml(`Timeline of ${checks.length} checks`)}" xmlns="http://www.w3.org/2000/svg">${startup}${ticks.join('')}${marks}</svg></div>
<div class="tl-legend">${legend}</div></section>`;
}

/** The five checks that took longest (a check's own time, not its requirement's sum). */
export function slowest(results: Results): string {
  const rows = (results.checks ?? []).filter((c) => c.durationMs > 0).sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  if (rows.length === 0) return '';
  const body = rows.map((c) => `<tr><td class="num">${escapeHtml(formatDuration(c.durationMs))}</td><td>${reqLinks(c.requirements)}</td><td>${escapeHtml(c.title)}</td><td><span class="st st-${c.status}">${LABEL[c.status]}</span></td></tr>`).join('');
  return `<section class="slowest" id="slowest" aria-labelledby="sl-h"><h2 id="sl-h">Slowest checks</h2><div class="scroll"><table class="facts-table"><thead><tr><th>Time</th><th>Requirement</th><th>Check</th><th>Status</th></tr></thead><tbody>${body}</tbody></table></div></section>`;
}

/** What the run created, what its checks and the end-of-run cleanup deleted, and what is left, with how to retry. */
export function cleanupSummary(results: Results): string {
  const c = results.cleanup;
  if (!c) return '';
  const left = c.leftBehind.length;
  const byChecks = Math.max(0, c.created - left - c.deleted);
  // an embedded run has no end-of-run cleanup: its servers ended with it
  const tiles = [['Created', c.created], ['Deleted by their checks', byChecks], ...(results.embedded ? [] : [['Deleted at the end of the run', c.deleted] as const]), ['Left behind', left]] as const;
  const shown = c.leftBehind.slice(0, 50);
  const table = left === 0 ? '' : `<div class="scroll"><table class="facts-table"><thead><tr><th>Kind</th><th>Id</th><th>Sandbox</th><th>Why</th></tr></thead><tbody>${shown.map((e) => `<tr><td>${escapeHtml(e.kind)}</td><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.sandbox)}</td><td>${escapeHtml(e.reason)}</td></tr>`).join('')}</tbody></table></div>${left > shown.length ? `<p class="also">and ${left - shown.length} more (ledger.jsonl lists them all)</p>` : ''}`;
  const next = left === 0 ? '<p class="also">Nothing was left behind.</p>'
    : results.embedded ? '<p class="also">The embedded servers ended with the run, so there is nothing to clean up.</p>'
    : `<p class="also">Retry deleting them (ledger.jsonl sits next to this report):</p>${codeBox('cleanup-command', c.command ?? 'npx flow-conformance cleanup --ledger ledger.jsonl', 'the cleanup command')}`;
  return `<section class="cleanup${left > 0 && !results.embedded ? ' cleanup-left' : ''}" id="cleanup" aria-labelledby="cl-h"><h2 id="cl-h">Cleanup</h2>
<dl class="cl-tiles">${tiles.map(([k, n]) => `<div><dt>${k}</dt><dd data-cleanup="${escapeHtml(k.toLowerCase().replace(/\s+/g, '-'))}">${n}</dd></div>`).join('')}</dl>${table}${next}</section>`;
}

const flag = (value: unknown): [string, string] => (value === true ? ['yes', 'ds-yes'] : value === false ? ['no', 'ds-no'] : [`not stated (${JSON.stringify(value) ?? 'absent'})`, 'ds-unknown']);

/** Every spec the target listed, with whether it supports drafts: the main answer of a --read-only run. */
export function draftSupport(results: Results): string {
  const specs = results.specs ?? [];
  if (specs.length === 0) return '';
  const yes = specs.filter((s) => s.isDraftModeSupported === true).length;
  const rows = specs.map((s) => {
    const [text, cls] = flag(s.isDraftModeSupported);
    return `<tr data-spec="${escapeHtml(String(s.id))}"><td>${s.collection === 'flowSpecs' ? 'flow spec' : 'connection spec'}</td><td>${escapeHtml(String(s.name ?? ''))}</td><td><code>${escapeHtml(String(s.id ?? ''))}</code></td><td class="${cls}">${escapeHtml(text)}</td></tr>`;
  }).join('');
  return `<section class="draft-support" id="draft-support" aria-labelledby="ds-h"><h2 id="ds-h">Draft support by spec${results.readOnly ? ' (read-only probe)' : ''}</h2>
<p class="also">${yes} of ${plural(specs.length, 'spec')} the target lists say <code>attributes.isDraftModeSupported: true</code>; the draft requirements are not applicable to the others.</p>
<div class="scroll"><table class="facts-table"><thead><tr><th>Kind</th><th>Name</th><th>Id</th><th>isDraftModeSupported</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** After the requirements: where the time went, what was left behind, and (outside a read-only run) the specs. */
export function runDetails(results: Results): string {
  const parts = [timeline(results), slowest(results), cleanupSummary(results), results.readOnly ? '' : draftSupport(results)].filter(Boolean);
  return parts.length === 0 ? '' : `<div class="run-details" id="run-details"><h2 class="rd-h">The run</h2>${parts.join('\n')}</div>`;
}
