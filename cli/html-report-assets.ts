// The inline CSS and client script of index.html (see html-report.ts). The script builds every element from the
// embedded JSON with textContent, never innerHTML; it is written without backticks or dollar-braces because it
// sits inside String.raw. Filters live in the URL hash: #status=fail,error&level=MUST&area=order&q=etag&open=ORD-003.
// Statuses have their own colours: fail red, error (could not check) violet, warn amber, pass green, n/a grey.

export const REPORT_CSS = String.raw`
:root{--ink:#101828;--muted:#475467;--line:#e4e7ec;--bg:#f6f7f9;--card:#fff;--accent:#1d4ed8;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
--fail:#b42318;--fail-bg:#fef3f2;--fail-bd:#fda29b;--warn:#b54708;--warn-bg:#fffaeb;--warn-bd:#fec84b;--pass:#067647;--pass-bg:#ecfdf3;--pass-bd:#75e0a7;--na:#475467;--na-bg:#f2f4f7;--na-bd:#d0d5dd;
--err:#7a2ad6;--err-bg:#f6f0ff;--err-bd:#c8a8f5}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:1240px;padding:1.25rem 1.5rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
h2{font-size:1.15rem;margin:2rem 0 .75rem}h3{font-size:.95rem;margin:1.25rem 0 .5rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
code,pre{font-family:var(--mono);font-size:.85em}a{color:var(--accent)}button{font:inherit;cursor:pointer}
.verdict{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap;color:#fff;border-radius:10px;padding:1.1rem 1.4rem}
.verdict-ok{background:var(--pass)}.verdict-bad{background:var(--fail)}.verdict-none{background:var(--err)}.verdict-partial{background:#2e5c8a}
.verdict-known{font-size:1.2rem;font-weight:700;letter-spacing:0}.verdict-note{font-size:.95rem;font-weight:600}
.verdict-main{display:flex;flex-direction:column;gap:.15rem}.verdict-word{font-size:2.1rem;font-weight:800;letter-spacing:.03em;line-height:1.1}
.gist{font-size:1rem;opacity:.95}.verdict-side{font-size:.9rem;opacity:.9}
.overview{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:1rem;margin-top:1rem;align-items:start}
.meta{margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:.5rem 1.25rem;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.9rem 1.1rem}
.meta div{min-width:0}.meta dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
.meta .target{font-family:var(--mono);font-size:.85rem}
.tiles{display:grid;grid-template-columns:repeat(3,minmax(104px,1fr));gap:.5rem;align-self:stretch}
.tile{display:flex;flex-direction:column;justify-content:center;align-items:flex-start;background:var(--card);border:1px solid var(--line);border-top:5px solid;border-radius:10px;padding:.55rem .8rem .6rem;text-align:left}
.tile:hover{box-shadow:0 1px 4px rgba(16,24,40,.15)}.tile .num{font-size:2.3rem;font-weight:750;line-height:1.1}.tile .lbl{font-size:.8rem;color:var(--muted)}
.tile-fail{border-top-color:var(--fail)}.tile-fail .num{color:var(--fail)}.tile-warn{border-top-color:var(--warn)}.tile-warn .num{color:var(--warn)}
.tile-error{border-top-color:var(--err)}.tile-error .num{color:var(--err)}.tile-pass{border-top-color:var(--pass)}.tile-pass .num{color:var(--pass)}.tile-not-applicable{border-top-color:var(--na-bd)}.tile-not-applicable .num{color:var(--na)}.tile.none .num{color:#98a2b3}
.what-failed{margin-top:1rem;background:var(--fail-bg);border:1px solid var(--fail-bd);border-left:5px solid var(--fail);border-radius:10px;padding:.75rem 1.1rem}
.what-failed h2{margin:0 0 .4rem;color:var(--fail)}.what-failed ol{margin:0;padding-left:1.3rem}.what-failed li{margin:.35rem 0}
.what-failed a{color:var(--ink);text-decoration:none}.what-failed a:hover strong{text-decoration:underline}
.could-not-check{margin-top:1rem;background:var(--err-bg);border:1px solid var(--err-bd);border-left:5px solid var(--err);border-radius:10px;padding:.75rem 1.1rem}
.could-not-check h2{margin:0 0 .2rem;color:var(--err)}.could-not-check ol{margin:.3rem 0 0;padding-left:1.3rem}.could-not-check li{margin:.35rem 0}.could-not-check .also{margin:0;color:var(--muted)}
.could-not-check a{color:var(--ink);text-decoration:none}.could-not-check a:hover strong{text-decoration:underline}.could-not-check .why{color:#3e1a73}.could-not-check .count{background:var(--err)}
.why{font-family:var(--mono);font-size:.8rem;color:#7a271a;overflow-wrap:anywhere}.also{margin:.5rem 0 0;font-size:.9rem}
.count{display:inline-block;min-width:1.5em;padding:0 .4em;border-radius:99px;background:var(--fail);color:#fff;font-size:.8rem;text-align:center;vertical-align:middle}
.run-links{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;margin-top:.9rem}
.cmd{display:flex;align-items:center;gap:.5rem;min-width:0;flex:1 1 420px}.cmd code{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.25rem .5rem;overflow-wrap:anywhere}
.cmd-lbl{white-space:nowrap;font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}.pw{font-weight:600}
.copy{border:1px solid var(--line);background:var(--card);border-radius:6px;padding:.15rem .6rem;font-size:.8rem;color:var(--muted)}.copy:hover{color:var(--ink);border-color:var(--muted)}
.rid{font-family:var(--mono);font-weight:600}
.lvl{display:inline-block;font-size:.7rem;font-weight:700;letter-spacing:.04em;border-radius:4px;padding:0 .35rem;border:1px solid}
.lvl-MUST{color:#3538cd;border-color:#a4bcfd;background:#eef4ff}.lvl-SHOULD{color:#0e7090;border-color:#7cd4fd;background:#f0f9ff}
.tag{display:inline-block;margin-left:.5rem;font-size:.72rem;border-radius:4px;padding:0 .35rem;background:var(--na-bg);color:var(--na);border:1px solid var(--na-bd)}
.tag-expired{background:var(--fail-bg);color:var(--fail);border-color:var(--fail-bd)}.tag-fixed{background:var(--pass-bg);color:var(--pass);border-color:var(--pass-bd)}
.st{display:inline-block;text-align:center;font-size:.75rem;font-weight:700;border-radius:99px;padding:.05rem .55rem;border:1px solid;white-space:nowrap}
.st-fail{color:var(--fail);background:var(--fail-bg);border-color:var(--fail-bd)}.st-warn{color:var(--warn);background:var(--warn-bg);border-color:var(--warn-bd)}
.st-error{color:var(--err);background:var(--err-bg);border-color:var(--err-bd)}.st-pass{color:var(--pass);background:var(--pass-bg);border-color:var(--pass-bd)}.st-not-applicable{color:var(--na);background:var(--na-bg);border-color:var(--na-bd)}
.scroll{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:10px}
.matrix table{border-collapse:collapse;width:100%;font-size:.9rem}.matrix th,.matrix td{padding:.4rem .7rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
.matrix thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);background:#fafbfc}.matrix tr:last-child>*{border-bottom:0}
.matrix .n{text-align:center;width:4.5rem}.matrix tr.active{background:#eef4ff}
.area-btn{border:0;background:none;padding:0;color:var(--ink);font-weight:600;text-align:left}.area-btn:hover{color:var(--accent);text-decoration:underline}
.chips{display:flex;flex-wrap:wrap;gap:.25rem}.chips .chip{font-family:var(--mono);font-size:.72rem;padding:.05rem .35rem;border-radius:4px;border:1px solid;text-decoration:none}
.chip.st-pass{opacity:.85}.cnt{border:1px solid;border-radius:6px;min-width:2rem;font-weight:700;padding:0 .4rem;background:none}
.cnt-fail{color:var(--fail);border-color:var(--fail-bd);background:var(--fail-bg)}.cnt-warn{color:var(--warn);border-color:var(--warn-bd);background:var(--warn-bg)}
.cnt-error{color:var(--err);border-color:var(--err-bd);background:var(--err-bg)}.cnt-pass{color:var(--pass);border-color:var(--pass-bd)}.cnt-not-applicable{color:var(--na);border-color:var(--na-bd)}.zero{color:#c0c5cf}
.toolbar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.5rem .6rem;align-items:center;background:var(--bg);padding:.6rem 0;border-bottom:1px solid var(--line)}
.fgroup{display:flex;flex-wrap:wrap;gap:.35rem}.fbtn{display:inline-flex;align-items:center;gap:.35rem;border:1px solid var(--line);background:var(--card);border-radius:99px;padding:.2rem .7rem;font-size:.85rem}
.fbtn .dot{width:.6rem;height:.6rem;border-radius:50%}.fbtn-fail .dot{background:var(--fail)}.fbtn-warn .dot{background:var(--warn)}.fbtn-error .dot{background:var(--err)}.fbtn-pass .dot{background:var(--pass)}.fbtn-not-applicable .dot{background:var(--na-bd)}
.fbtn[aria-pressed=true]{border-color:var(--ink);background:var(--ink);color:#fff}.fcount{font-size:.75rem;opacity:.75}
.toolbar select,.toolbar input{font:inherit;font-size:.88rem;border:1px solid var(--line);border-radius:6px;padding:.25rem .5rem;background:var(--card);color:var(--ink)}
.toolbar select{max-width:12.5rem}.toolbar input{flex:1 1 180px;min-width:140px}.reset{border:0;background:none;color:var(--accent);font-size:.85rem}.shown{font-size:.82rem;color:var(--muted);margin-left:auto}
.empty{padding:1rem;background:var(--card);border:1px dashed var(--line);border-radius:10px;text-align:center;color:var(--muted)}
.req{scroll-margin-top:6.5rem;background:var(--card);border:1px solid var(--line);border-left:4px solid var(--na-bd);border-radius:8px;margin:.4rem 0}
.req.s-fail{border-left-color:var(--fail)}.req.s-error{border-left-color:var(--err)}.req.s-warn{border-left-color:var(--warn)}.req.s-pass{border-left-color:var(--pass)}
.req>summary{display:grid;grid-template-columns:1rem 7.3rem 5.4rem 4.2rem minmax(0,1fr) auto;gap:.15rem .6rem;align-items:baseline;padding:.55rem .9rem;cursor:pointer;list-style:none}
.req>summary>*{justify-self:start}.req>summary>.st{justify-self:stretch;padding:.05rem .3rem}.req>summary::-webkit-details-marker{display:none}.req>summary::before{content:"\25B8";color:var(--muted);transition:transform .15s}.req[open]>summary::before{transform:rotate(90deg)}
.req>summary:hover{background:#fafbfc}.req .rtitle{font-weight:600}.req .reason{grid-column:3/-1;color:var(--muted);font-size:.86rem;overflow-wrap:anywhere;white-space:pre-line}
.req.s-fail .reason{color:#7a271a}.req.s-error .reason{color:#3e1a73}.req.s-pass .reason{grid-column:6;grid-row:1;justify-self:end;font-size:.8rem}.req.flash{box-shadow:0 0 0 3px #84adff}
.req-body{padding:.25rem 1.1rem 1rem 2.5rem;border-top:1px solid var(--line)}
.statement{margin:.75rem 0;max-width:80ch}.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0;font-size:.88rem}
.facts dt{color:var(--muted)}.facts dd{margin:0}.src{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:4px;padding:0 .35rem;margin-right:.3rem}
.note{border-radius:8px;padding:.5rem .8rem;margin:.6rem 0;font-size:.9rem;border:1px solid}.note-expected{background:var(--warn-bg);border-color:var(--warn-bd)}
.note-fixed{background:var(--pass-bg);border-color:var(--pass-bd)}.note-expired{background:var(--fail-bg);border-color:var(--fail-bd)}
h4{margin:1rem 0 .4rem;font-size:.9rem}h5{margin:.75rem 0 .3rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.ev{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:.5rem 0;background:#fcfcfd}
.ev-head{display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:baseline}.ev-head .loc{font-family:var(--mono);font-size:.78rem;color:var(--muted)}
.oc{font-size:.72rem;font-weight:700;text-transform:uppercase;border-radius:4px;padding:0 .35rem;background:var(--na-bg);color:var(--na)}.oc-failed,.oc-timedOut{background:var(--fail-bg);color:var(--fail)}.oc-passed{background:var(--pass-bg);color:var(--pass)}.oc-interrupted,.oc-skipped{background:var(--err-bg);color:var(--err)}.culprit{font-size:.72rem;font-weight:700;border-radius:4px;padding:0 .35rem;background:var(--fail-bg);color:var(--fail)}.oc-seen{background:var(--na-bg);color:var(--na)}
pre{margin:.4rem 0;padding:.6rem .75rem;background:#f8f9fb;border:1px solid var(--line);border-radius:6px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;max-height:32rem}
pre.msg{background:#f8f9fb}.s-fail pre.msg{background:var(--fail-bg);border-color:var(--fail-bd);color:#55160c}.s-warn pre.msg{background:var(--warn-bg);border-color:var(--warn-bd);color:#4e1d09}.s-error pre.msg{background:var(--err-bg);border-color:var(--err-bd);color:#2c1052}
ol.steps{margin:.25rem 0;padding-left:2.2rem;font-family:var(--mono);font-size:.82rem;background:#f8f9fb;border:1px solid var(--line);border-radius:6px;padding-top:.4rem;padding-bottom:.4rem}
ol.steps li:last-child{color:var(--fail);font-weight:600}
.code{position:relative}.code pre{padding-right:4.5rem;background:#101828;color:#e4e7ec;border-color:#101828}.code .copy{position:absolute;top:.35rem;right:.35rem;background:#344054;color:#fff;border-color:#475467}
.ex{border:1px solid var(--line);border-radius:6px;margin:.35rem 0;background:var(--card)}.ex>summary{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline;padding:.35rem .6rem;cursor:pointer;font-size:.86rem}
.method{font-family:var(--mono);font-weight:700;font-size:.78rem}.url{font-family:var(--mono);font-size:.8rem;overflow-wrap:anywhere;flex:1 1 300px;min-width:0}
.code-st{font-family:var(--mono);font-weight:700;font-size:.78rem;border-radius:4px;padding:0 .35rem}.c2{background:var(--pass-bg);color:var(--pass)}.c3,.c1{background:var(--na-bg);color:var(--na)}
.c4{background:var(--warn-bg);color:var(--warn)}.c5,.cerr{background:var(--fail-bg);color:var(--fail)}.dur,.op{font-size:.78rem;color:var(--muted)}
.ex-body{padding:.2rem .7rem .7rem}.ex-cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.9rem}
table.hdrs{border-collapse:collapse;font-family:var(--mono);font-size:.76rem;width:100%}.hdrs th,.hdrs td{text-align:left;vertical-align:top;padding:.1rem .4rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}.hdrs th{color:var(--muted);font-weight:500;width:35%}
.ex-body .muted{font-size:.82rem;margin:.3rem 0}.bodyd>summary{cursor:pointer;font-size:.8rem;color:var(--muted);margin-top:.4rem}.muted{color:var(--muted)}.foot{margin-top:2.5rem;font-size:.8rem;color:var(--muted);text-align:center}
.noscript{padding:1rem;background:var(--warn-bg);border-radius:8px}
.ex-culprit{border:2px solid var(--fail);box-shadow:0 0 0 3px var(--fail-bg)}.cbad{background:var(--fail);color:#fff}
.role{font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:0 .35rem;border:1px solid var(--na-bd);color:var(--na);background:var(--na-bg)}
.role-setup{color:#3538cd;border-color:#a4bcfd;background:#eef4ff}.step-name{font-size:.78rem;color:var(--muted);font-style:italic}.ex-cleanup{opacity:.8}
.ex-group{border:1px dashed var(--line);border-radius:6px;margin:.35rem 0;padding:.1rem .5rem}.ex-group>summary{cursor:pointer;font-size:.82rem;color:var(--muted);padding:.25rem 0}
dl.exp{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0 .6rem;padding:.45rem .7rem;border-radius:6px;background:var(--fail-bg);border:1px solid var(--fail-bd);font-size:.85rem}
dl.exp dt{font-weight:700;color:var(--fail)}dl.exp dd{margin:0;font-family:var(--mono);font-size:.8rem;overflow-wrap:anywhere}dl.exp .got{color:#7a271a}
.reproduce,.draft-support,.run-details>section{margin-top:1rem;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.75rem 1.1rem}
.reproduce{border-left:5px solid var(--accent)}.reproduce h2,.draft-support h2,.run-details h2{margin:0 0 .4rem}.run-details{margin-top:2rem}.run-details>h2.rd-h{margin:0}
.cmd-box{position:relative}.cmd-box pre{padding-right:4.5rem;background:#101828;color:#e4e7ec;border-color:#101828}.cmd-box .copy{position:absolute;top:.35rem;right:.35rem;background:#344054;color:#fff;border-color:#475467}
dl.creds{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:.3rem 1rem;margin:.5rem 0;font-size:.85rem}dl.creds dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}dl.creds dd{margin:0;overflow-wrap:anywhere}
code.fault{background:var(--fail-bg);color:var(--fail);border-radius:4px;padding:0 .3rem}
table.facts-table{border-collapse:collapse;width:100%;font-size:.88rem}.facts-table th,.facts-table td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
.facts-table thead th{font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);background:#fafbfc}.facts-table .num{font-family:var(--mono);white-space:nowrap}
.ds-yes{color:var(--pass);font-weight:700}.ds-no{color:var(--na);font-weight:700}.ds-unknown{color:var(--warn)}
dl.cl-tiles{display:flex;flex-wrap:wrap;gap:.5rem 2rem;margin:.2rem 0 .5rem}dl.cl-tiles dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}dl.cl-tiles dd{margin:0;font-size:1.5rem;font-weight:700}
.cleanup-left{border-left:5px solid var(--warn)}
.tl-svg{display:block;min-width:640px}.tl-mark{cursor:pointer}.tl-mark:hover{stroke:var(--ink);stroke-width:1}.tl-tick{stroke:var(--line);stroke-width:1}.tl-label{font-size:10px;fill:var(--muted);text-anchor:middle}.tl-label.tl-first{text-anchor:start}.tl-label.tl-last{text-anchor:end}.tl-startup{fill:#f2f4f7}
.tl-pass{fill:var(--pass);background:var(--pass)}.tl-fail{fill:var(--fail);background:var(--fail)}.tl-warn{fill:var(--warn);background:var(--warn)}.tl-error{fill:var(--err);background:var(--err)}.tl-not-applicable{fill:var(--na-bd);background:var(--na-bd)}
.tl-legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.8rem;color:var(--muted);margin-top:.4rem}.tl-key{display:inline-flex;align-items:center;gap:.3rem}.tl-key .dot{width:.65rem;height:.65rem;border-radius:2px;display:inline-block}
@media (max-width:860px){.overview{grid-template-columns:1fr}.tiles{grid-template-columns:repeat(5,1fr)}.ex-cols{grid-template-columns:1fr}}
@media (max-width:640px){body{padding:.75rem .75rem 2rem;font-size:14px}.verdict-word{font-size:1.6rem}.tiles{grid-template-columns:repeat(3,1fr)}
.req>summary{grid-template-columns:1rem auto auto minmax(0,1fr)}.req .rtitle,.req .reason,.req.s-pass .reason{grid-column:2/-1;grid-row:auto;justify-self:start}.req-body{padding-left:1rem}
.matrix .chips-col{display:none}.matrix th,.matrix td{padding:.4rem .45rem}.matrix .n{width:2.8rem}.shown{margin-left:0}.toolbar{position:static}.req{scroll-margin-top:.5rem}.toolbar select{flex:1 1 40%;max-width:none}}
@media print{body{background:#fff;max-width:none;padding:0;font-size:11pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.toolbar,.copy,.reset,.cmd .copy{display:none}.tile{box-shadow:none}.req,.ev,.what-failed,.could-not-check,tr{break-inside:avoid}pre{max-height:none}a{text-decoration:none}}
`;

export const REPORT_JS = String.raw`(function () {
'use strict';
var data = JSON.parse(document.getElementById('report-data').textContent);
var STATUSES = data.statuses, LABELS = data.labels;
var GROUPS = { fail: 'Failures', error: 'What could not be checked', warn: 'Warnings', pass: 'Passed', 'not-applicable': 'Not applicable' };
var reqs = data.requirements;
var byId = new Map(reqs.map(function (r) { return [r.id, r]; }));
var areas = data.areas.slice();
reqs.forEach(function (r) { if (!areas.some(function (a) { return a[0] === r.area; })) areas.push([r.area, r.areaName]); });
var state = { status: new Set(), level: '', area: '', q: '', open: '' };
var rows = new Map(), groups = [], matrixRows = new Map(), ui = {};

function h(tag, props) {
  var node = document.createElement(tag);
  Object.keys(props || {}).forEach(function (k) {
    var v = props[k];
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  });
  for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
  return node;
}
function add(node, kid) {
  if (kid === undefined || kid === null || kid === false) return;
  if (Array.isArray(kid)) kid.forEach(function (k) { add(node, k); });
  else node.append(kid);
}
function fmtMs(ms) {
  if (typeof ms !== 'number') return '';
  if (ms < 9.95) return ms.toFixed(1) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
}
function size(text) { return text.length < 1024 ? text.length + ' B' : (text.length / 1024).toFixed(1) + ' KB'; }

function copy(text, button, pre) {
  function done(ok) {
    button.textContent = ok ? 'Copied' : 'Select + copy';
    setTimeout(function () { button.textContent = 'Copy'; }, 1600);
  }
  function fallback() {
    var area = h('textarea', { 'aria-hidden': 'true', style: 'position:fixed;top:0;left:-9999px' });
    area.value = text;
    document.body.append(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    if (!ok && pre) window.getSelection().selectAllChildren(pre);
    done(ok);
  }
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
  else fallback();
}
function codeBlock(text, label) {
  var pre = h('pre', {}, h('code', {}, text));
  var button = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy ' + label }, 'Copy');
  button.addEventListener('click', function () { copy(text, button, pre); });
  return h('div', { class: 'code', 'data-kind': label }, pre, button);
}

function headersTable(pairs) {
  if (!pairs.length) return h('p', { class: 'muted' }, 'No headers recorded.');
  return h('table', { class: 'hdrs' }, h('tbody', {}, pairs.map(function (p) { return h('tr', {}, h('th', {}, p[0]), h('td', {}, p[1])); })));
}
function bodyBlock(text) {
  if (text === undefined) return h('p', { class: 'muted' }, 'No body.');
  return h('details', { class: 'bodyd', open: text.split('\n').length <= 40 }, h('summary', {}, 'Body · ' + size(text)), h('pre', {}, text));
}
function exchange(x, open, culprit, e) {
  var cls = culprit ? 'cbad' : x.status === undefined ? 'cerr' : 'c' + String(x.status).charAt(0);
  var role = x.cleanup ? h('span', { class: 'role role-cleanup', title: 'sent by the test’s teardown, after the check' }, 'cleanup')
    : x.step ? h('span', { class: 'role role-setup', title: 'a setup step: ' + x.step }, 'setup') : null;
  return h('details', { class: 'ex' + (culprit ? ' ex-culprit' : '') + (x.cleanup ? ' ex-cleanup' : x.step ? ' ex-setup' : ''), open: open },
    h('summary', {}, culprit ? h('span', { class: 'culprit', title: 'the exchange whose answer broke the rule' }, 'broke the rule') : null, role, h('span', { class: 'method' }, x.method), h('span', { class: 'url' }, x.url),
      h('span', { class: 'code-st ' + cls }, x.status === undefined ? 'no answer' : String(x.status)),
      h('span', { class: 'dur' }, fmtMs(x.durationMs)),
      x.retries ? h('span', { class: 'dur', title: 'answered 429/503 (or reset) and sent again' }, 'after ' + x.retries + (x.retries === 1 ? ' retry' : ' retries') + ' (' + fmtMs(x.retryWaitMs) + ' waiting)') : null, x.operationId ? h('span', { class: 'op' }, x.operationId) : null,
      x.step ? h('span', { class: 'step-name' }, x.step) : null),
    h('div', { class: 'ex-body' },
      culprit && e.expected ? h('dl', { class: 'exp' }, h('dt', {}, 'Expected'), h('dd', {}, e.expected), h('dt', {}, 'Received'), h('dd', { class: 'got' }, e.received)) : null,
      codeBlock(x.curl, 'curl'),
      x.error ? h('pre', { class: 'msg' }, 'Transport error: ' + x.error) : null,
      h('div', { class: 'ex-cols' },
        h('div', {}, h('h5', {}, 'Request'), headersTable(x.requestHeaders), bodyBlock(x.requestBody)),
        h('div', {}, h('h5', {}, 'Response' + (x.status === undefined ? '' : ' ' + x.status)), x.status === undefined ? h('p', { class: 'muted' }, 'No response.') : [headersTable(x.responseHeaders), bodyBlock(x.responseBody)]))));
}
// the list a failure needs to be reproduced: setup, the exchange that broke the rule (open), then cleanup, folded
function exchangeList(e, focus) {
  var items = [], i = 0;
  while (i < e.exchanges.length) {
    if (!e.exchanges[i].cleanup) { items.push(exchange(e.exchanges[i], i === focus, i === e.culprit, e)); i++; continue; }
    var group = [];
    for (; i < e.exchanges.length && e.exchanges[i].cleanup; i++) group.push(exchange(e.exchanges[i], i === focus, i === e.culprit, e));
    items.push(h('details', { class: 'ex-group' }, h('summary', {}, 'Cleanup after the check · ' + group.length + (group.length === 1 ? ' request' : ' requests')), group));
  }
  return items;
}
function evidence(e, r) {
  var failed = r.status === 'fail' || r.status === 'warn';
  var last = -1;
  e.exchanges.forEach(function (x, i) { if (!x.cleanup) last = i; });
  var focus = typeof e.culprit === 'number' ? e.culprit : (failed || r.status === 'error') ? (last >= 0 ? last : e.exchanges.length - 1) : -1;
  return h('div', { class: 'ev ev-' + e.outcome },
    h('div', { class: 'ev-head' }, failed && e.outcome === 'passed' ? h('span', { class: 'oc oc-seen', title: 'the test passed; this violation was recorded on one of its exchanges' }, 'seen during') : h('span', { class: 'oc oc-' + e.outcome }, e.outcome), h('strong', {}, e.test), e.location ? h('span', { class: 'loc' }, e.location) : null),
    e.text ? h('pre', { class: 'msg' }, e.text) : null,
    e.steps.length ? [h('h5', {}, e.stepsTitle || 'Shrunk sequence'), h('ol', { class: 'steps' }, e.steps.map(function (s) { return h('li', {}, s); }))] : null,
    e.replay ? [h('h5', {}, 'Replay'), codeBlock(e.replay, 'replay')] : null,
    e.exchanges.length ? [h('h5', {}, 'Exchanges (' + e.exchanges.length + (e.omitted ? ', ' + e.omitted + ' more of this check not shown' : '') + ')'),
      exchangeList(e, focus)] : null);
}
function body(r) {
  var codes = r.codes.map(function (c) { return h('span', { class: 'src', title: c[1] }, c[0] + ' · ' + c[1]); });
  return h('div', { class: 'req-body' },
    h('p', { class: 'statement' }, r.statement.split('\x60').map(function (part, i) { return i % 2 ? h('code', {}, part) : part; })),
    h('dl', { class: 'facts' }, h('dt', {}, 'Area'), h('dd', {}, r.areaName), h('dt', {}, 'Sources'), h('dd', {}, codes, r.sources.join('; ')),
      h('dt', {}, 'Check time'), h('dd', {}, fmtMs(r.durationMs))),
    r.baseline ? h('div', { class: 'note note-' + r.baseline.kind }, r.baseline.text, r.baseline.link ? [' · ', h('a', { href: r.baseline.link, rel: 'noreferrer' }, r.baseline.link)] : null) : null,
    r.evidence.length ? [h('h4', {}, 'Evidence'), r.evidence.map(function (e) { return evidence(e, r); })]
      : h('p', { class: 'muted' }, r.status === 'not-applicable' ? 'No check ran: ' + r.reason : r.status === 'error' ? 'The kit could not check this: ' + r.reason : 'No evidence recorded.'));
}
function row(r) {
  var tag = r.baseline ? h('span', { class: 'tag tag-' + r.baseline.kind }, r.baseline.kind === 'expected' ? 'known failure' : r.baseline.kind === 'fixed' ? 'baseline: fixed' : r.baseline.kind === 'not-rechecked' ? 'baseline: not re-checked' : 'baseline expired') : null;
  var d = h('details', { class: 'req s-' + r.status, id: 'req-' + r.id, 'data-id': r.id, 'data-status': r.status },
    h('summary', {}, h('span', { class: 'st st-' + r.status }, LABELS[r.status]), h('code', { class: 'rid' }, r.id),
      h('span', {}, h('span', { class: 'lvl lvl-' + r.level }, r.level)), h('span', { class: 'rtitle' }, r.title, tag), h('span', { class: 'reason' }, r.reason)));
  d.addEventListener('toggle', function () {
    if (d.open && !d.querySelector('.req-body')) d.append(body(r));
    if (d.open) state.open = r.id; else if (state.open === r.id) state.open = '';
    writeHash();
  });
  rows.set(r.id, d);
  return d;
}

function matches(r) {
  if (state.status.size && !state.status.has(r.status)) return false;
  if (state.level && r.level !== state.level) return false;
  if (state.area && r.area !== state.area) return false;
  var hay = (r.id + '\n' + r.title + '\n' + r.statement + '\n' + r.reason).toLowerCase();
  return state.q.toLowerCase().split(/\s+/).every(function (t) { return !t || hay.indexOf(t) >= 0; });
}
function update() {
  var shown = 0;
  reqs.forEach(function (r) { var ok = matches(r); rows.get(r.id).hidden = !ok; if (ok) shown++; });
  groups.forEach(function (g) {
    var n = g.members.filter(function (r) { return !rows.get(r.id).hidden; }).length;
    g.node.hidden = n === 0;
    g.count.textContent = n === g.members.length ? String(n) : n + ' of ' + g.members.length;
  });
  ui.statusButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(state.status.has(b.getAttribute('data-status')))); });
  ui.level.value = state.level; ui.area.value = state.area;
  if (ui.search.value !== state.q) ui.search.value = state.q;
  matrixRows.forEach(function (tr, key) { tr.classList.toggle('active', state.area === key); });
  ui.shown.textContent = 'Showing ' + shown + ' of ' + reqs.length;
  ui.empty.hidden = shown > 0;
  writeHash();
}
function writeHash() {
  var parts = [];
  if (state.status.size) parts.push('status=' + STATUSES.filter(function (s) { return state.status.has(s); }).join(','));
  if (state.level) parts.push('level=' + state.level);
  if (state.area) parts.push('area=' + encodeURIComponent(state.area));
  if (state.q) parts.push('q=' + encodeURIComponent(state.q));
  if (state.open) parts.push('open=' + encodeURIComponent(state.open));
  var url = location.href.split('#')[0] + (parts.length ? '#' + parts.join('&') : '');
  if (url !== location.href) try { history.replaceState(null, '', url); } catch (e) { /* a viewer may forbid it */ }
}
function readHash() {
  var p = new URLSearchParams(location.hash.slice(1));
  state.status = new Set((p.get('status') || '').split(',').filter(function (s) { return STATUSES.indexOf(s) >= 0; }));
  state.level = ['MUST', 'SHOULD'].indexOf(p.get('level')) >= 0 ? p.get('level') : '';
  state.area = areas.some(function (a) { return a[0] === p.get('area'); }) ? p.get('area') : '';
  state.q = p.get('q') || '';
  state.open = byId.has(p.get('open')) ? p.get('open') : '';
}
function expandAll(e) {
  var shown = reqs.map(function (r) { return rows.get(r.id); }).filter(function (d) { return !d.hidden; });
  var open = !shown.every(function (d) { return d.open; });
  shown.forEach(function (d) { d.open = open; });
  e.target.textContent = open ? 'Collapse all' : 'Expand all';
}
function clearFilters() { state.status = new Set(); state.level = ''; state.area = ''; state.q = ''; }
function openReq(id) {
  var r = byId.get(id), d = rows.get(id);
  if (!r || !d) return;
  if (!matches(r)) clearFilters();
  state.open = id;
  update();
  d.open = true;
  d.scrollIntoView({ block: 'start' });
  d.classList.add('flash');
  setTimeout(function () { d.classList.remove('flash'); }, 1400);
}

function matrix() {
  var tbody = h('tbody');
  areas.forEach(function (a) {
    var inArea = reqs.filter(function (r) { return r.area === a[0]; });
    if (!inArea.length) return;
    var tr = h('tr', { 'data-area': a[0] },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'area-btn', title: 'Show only this area', onclick: function () { state.area = state.area === a[0] ? '' : a[0]; update(); ui.list.scrollIntoView(); } }, a[1])),
      h('td', { class: 'chips-col' }, h('div', { class: 'chips' }, inArea.map(function (r) {
        return h('a', { class: 'chip st-' + r.status, href: '#open=' + encodeURIComponent(r.id), 'data-open': r.id, title: r.id + ' · ' + LABELS[r.status] + ' · ' + r.title }, r.id);
      }))),
      STATUSES.map(function (s) {
        var n = inArea.filter(function (r) { return r.status === s; }).length;
        return h('td', { class: 'n' }, n ? h('button', { type: 'button', class: 'cnt cnt-' + s, title: 'Show ' + LABELS[s].toLowerCase() + ' in ' + a[1],
          onclick: function () { clearFilters(); state.area = a[0]; state.status = new Set([s]); update(); ui.list.scrollIntoView(); } }, String(n)) : h('span', { class: 'zero' }, '·'));
      }));
    matrixRows.set(a[0], tr);
    tbody.append(tr);
  });
  return h('section', { class: 'matrix' }, h('h2', {}, 'By area'), h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Area'), h('th', { scope: 'col', class: 'chips-col' }, 'Requirements'), STATUSES.map(function (s) { return h('th', { scope: 'col', class: 'n' }, LABELS[s] === 'Not applicable' ? 'N/A' : LABELS[s]); }))), tbody)));
}
function list() {
  ui.statusButtons = STATUSES.map(function (s) {
    return h('button', { type: 'button', class: 'fbtn fbtn-' + s, 'data-status': s, 'aria-pressed': 'false',
      onclick: function () { if (state.status.has(s)) state.status.delete(s); else state.status.add(s); update(); } },
      h('span', { class: 'dot' }), LABELS[s], h('span', { class: 'fcount' }, String(reqs.filter(function (r) { return r.status === s; }).length)));
  });
  ui.level = h('select', { 'aria-label': 'Level', id: 'f-level', onchange: function (e) { state.level = e.target.value; update(); } },
    h('option', { value: '' }, 'All levels'), h('option', { value: 'MUST' }, 'MUST'), h('option', { value: 'SHOULD' }, 'SHOULD'));
  ui.area = h('select', { 'aria-label': 'Area', id: 'f-area', onchange: function (e) { state.area = e.target.value; update(); } },
    h('option', { value: '' }, 'All areas'), areas.map(function (a) { return h('option', { value: a[0] }, a[1]); }));
  ui.search = h('input', { type: 'search', id: 'f-q', placeholder: 'Search ID, title, statement, reason', 'aria-label': 'Search', oninput: function (e) { state.q = e.target.value; update(); } });
  ui.shown = h('span', { class: 'shown', id: 'shown', 'aria-live': 'polite' });
  var reset = function () { clearFilters(); update(); };
  ui.empty = h('p', { class: 'empty', hidden: true }, 'No requirement matches these filters. ', h('button', { type: 'button', class: 'reset', onclick: reset }, 'Reset filters'));
  ui.list = h('div', { class: 'list' });
  STATUSES.forEach(function (s) {
    var members = reqs.filter(function (r) { return r.status === s; });
    if (!members.length) return;
    var count = h('span', { class: 'gcount' });
    var node = h('section', { class: 'group g-' + s, 'data-group': s }, h('h3', {}, GROUPS[s] + ' · ', count), members.map(row));
    groups.push({ node: node, count: count, members: members });
    ui.list.append(node);
  });
  return h('section', { class: 'reqs', id: 'requirements' }, h('h2', {}, 'Requirements'),
    h('div', { class: 'toolbar', role: 'search' }, h('div', { class: 'fgroup', role: 'group', 'aria-label': 'Status' }, ui.statusButtons),
      ui.level, ui.area, ui.search, h('button', { type: 'button', class: 'reset', id: 'reset', onclick: reset }, 'Reset'),
      h('button', { type: 'button', class: 'reset', id: 'expand', onclick: expandAll }, 'Expand all'), ui.shown), ui.empty, ui.list);
}

document.getElementById('app').append(matrix(), list());
document.addEventListener('click', function (e) {
  var target = e.target instanceof Element ? e.target : null;
  var link = target && target.closest('[data-open]');
  if (link) { e.preventDefault(); openReq(link.getAttribute('data-open')); return; }
  var only = target && target.closest('[data-only]');
  if (only) { state.status = new Set([only.getAttribute('data-only')]); update(); ui.list.scrollIntoView(); return; }
  var cmd = target && target.closest('[data-copy]');
  var source = cmd && document.getElementById(cmd.getAttribute('data-copy'));
  if (source) copy(source.textContent, cmd, source);
});
function fromHash() { readHash(); var open = state.open; update(); if (open) openReq(open); }
window.addEventListener('hashchange', fromHash);
fromHash();
})();
`;
