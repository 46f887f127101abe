// The inline CSS and client script of index.html (see html-report.ts). The script is written and type-checked as
// cli/report-client/report-client.ts; `npm run generate` transpiles it into generators/generated/report-client.ts.
// Statuses have their own colours: fail red, error (could not check) violet, warn amber, pass green, n/a grey.
import { REPORT_CLIENT_JS } from '../generators/generated/report-client.ts';

export const REPORT_JS = REPORT_CLIENT_JS;

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
