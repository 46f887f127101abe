// The drift report: one self-contained page (no script, no external asset) in the conformance report's palette.
// First the answer to the exit code's question (do the two agree on every requirement?), then the requirements they
// disagree on, then every difference on the wire, most significant first, each with where it was seen.
import { escapeHtml } from '../html-report-sections.ts';
import type { DriftFile } from './drift-file.ts';
import type { Drift, DriftKind } from './drift.ts';

const KIND_LABEL: Record<DriftKind, string> = {
  requirement: 'requirement', sequence: 'requests sent', transport: 'no answer', 'status-class': 'status class', 'status-code': 'status code',
  fields: 'fields', types: 'types', 'error-shape': 'error shape', header: 'header', latency: 'latency',
};

const CSS = `:root{--ink:#101828;--muted:#475467;--line:#e4e7ec;--bg:#f6f7f9;--card:#fff;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;--fail:#b42318;--fail-bg:#fef3f2;--pass:#067647;--pass-bg:#ecfdf3;--warn:#b54708;--warn-bg:#fffaeb}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:20px}h1{font-size:1.1rem;margin:0 0 12px}h2{font-size:1rem;margin:22px 0 8px}
.verdict{border-radius:10px;padding:14px 18px;display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}.agree{background:var(--pass-bg);color:var(--pass)}.disagree{background:var(--fail-bg);color:var(--fail)}
.verdict b{font-size:1.3rem;letter-spacing:.02em}.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:12px}.side{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.side code,td code{font-family:var(--mono);font-size:.85em;word-break:break-all}table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:6px 10px;border-top:1px solid var(--line);vertical-align:top}th{background:#f2f4f7;font-size:.8rem;color:var(--muted);border-top:0}
.kind{font-size:.72rem;font-weight:700;text-transform:uppercase;border-radius:4px;padding:0 .35rem;background:var(--warn-bg);color:var(--warn);white-space:nowrap}.kind-requirement,.kind-status-class,.kind-sequence,.kind-transport{background:var(--fail-bg);color:var(--fail)}
.muted{color:var(--muted)}.seen{font-size:.8rem;color:var(--muted)}.none{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px}`;

function value(v: unknown): string {
  return `<code>${escapeHtml(typeof v === 'string' ? v : JSON.stringify(v))}</code>`;
}

function row(d: Drift): string {
  const seen = d.seen.map((s) => `${escapeHtml(s.test)} · step ${s.step + 1}`).join('<br>');
  return `<tr class="drift" data-kind="${d.kind}"><td><span class="kind kind-${d.kind}">${KIND_LABEL[d.kind]}</span></td><td><code>${escapeHtml(d.subject)}</code></td><td>${escapeHtml(d.summary)}${seen ? `<div class="seen">${seen}</div>` : ''}</td><td>${value(d.a)}</td><td>${value(d.b)}</td><td>${d.count}</td></tr>`;
}

export function renderDriftHtml(drift: DriftFile): string {
  const agree = drift.disagreements === 0;
  const headline = agree ? 'AGREE' : 'DISAGREE';
  const gist = agree
    ? `on every requirement; ${drift.differences.length} difference${drift.differences.length === 1 ? '' : 's'} on the wire`
    : `on ${drift.disagreements} requirement${drift.disagreements === 1 ? '' : 's'}; ${drift.differences.length} difference${drift.differences.length === 1 ? '' : 's'} in all`;
  const side = (label: string, s: DriftFile['a']) => `<div class="side"><b>${label}</b> <code>${escapeHtml(s.target)}</code><div class="muted">verdict ${escapeHtml(s.verdict)} · report <code>${escapeHtml(s.reportDir)}</code></div></div>`;
  const wire = drift.differences.filter((d) => d.kind !== 'requirement');
  const requirements = drift.differences.filter((d) => d.kind === 'requirement');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Flow Service drift: ${headline}</title><style>${CSS}</style></head>
<body><main>
<h1>Flow Service drift report</h1>
<div class="verdict ${agree ? 'agree' : 'disagree'}" id="verdict"><b>${headline}</b><span>${escapeHtml(gist)}</span><span class="muted">seed ${drift.seed ?? 'none'} · ${drift.pairs} paired exchanges</span></div>
<div class="sides">${side('A', drift.a)}${side('B', drift.b)}</div>
<h2>Requirements</h2>
${requirements.length === 0 ? `<div class="none" id="requirements-agree">Both sides have the same status for all ${drift.requirementsCompared} requirements.</div>` : `<table id="requirements"><tr><th>requirement</th><th>A</th><th>B</th></tr>${requirements.map((d) => `<tr><td><code>${escapeHtml(d.subject)}</code></td><td>${value(d.a)}</td><td>${value(d.b)}</td></tr>`).join('')}</table>`}
<h2>On the wire</h2>
<p class="muted">Paired exchanges of the same checks, compared on status, top-level fields, JSON types, error shape, ETag/Location/Content-Type and median latency. Ids, etags and timestamps count by shape only.</p>
${wire.length === 0 ? '<div class="none" id="no-differences">No difference: every paired exchange has the same status, fields, types and headers.</div>' : `<table id="differences"><tr><th>kind</th><th>operation</th><th>difference</th><th>A</th><th>B</th><th>pairs</th></tr>${wire.map(row).join('')}</table>`}
</main></body></html>
`;
}
