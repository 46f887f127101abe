// Output of `npm run bench`: the machine it ran on, one table (aligned text for the terminal, Markdown for
// BENCHMARKS.md) and the verdicts against the targets.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** The performance targets (issue 6), one set for every bench that judges against them. */
export const TARGET = { runOverFloor: 3, modelOpsPerSecond: 500, overPrism: 10, overFloor: 0.6, p99Growth: 2, bytesPerEntity: 2048, latencyRunMs: 60_000 };

export type Row = [section: string, measure: string, value: string, detail: string];

export interface Verdict {
  target: string;
  pass: boolean;
  figure: string;
  /** When missed: what bounds it, with the measurement that shows it. */
  bound?: string;
}

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  date: string;
  loadAverage: number[];
}

export function machine(): Machine {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { nproc: cpus().length, cpuModel, memoryGB: totalmem() / 2 ** 30, node: process.version, date: new Date().toISOString(), loadAverage: loadavg() };
}

export const describeMachine = (m: Machine) =>
  `${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGB.toFixed(1)} GiB memory, Node ${m.node}, ${m.date.slice(0, 16).replace('T', ' ')} UTC`;

export const verdictLine = (v: Verdict) => `${v.pass ? 'MET   ' : 'MISSED'}  ${v.target}: ${v.figure}${v.pass || !v.bound ? '' : `\n        bounded by: ${v.bound}`}`;

export function textTable(rows: Row[]): string {
  const header: Row = ['section', 'measure', 'value', 'detail'];
  const all = [header, ...rows];
  const widths = [0, 1, 2].map((c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: Row) => `${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padStart(widths[2]!)}  ${r[3]}`.trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  ') + '  ------'];
  let section = '';
  for (const r of rows) {
    out.push(line(r[0] === section ? ['', r[1], r[2], r[3]] : r));
    section = r[0];
  }
  return out.join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function markdown(m: Machine, rows: Row[], verdicts: Verdict[], command: string, seconds: number): string {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`${command}\` (${seconds.toFixed(0)} s). Reproduce with the same command; figures move with the machine and with`,
    'whatever else runs on it, so the load average is part of the result.',
    '',
    `**Machine:** ${m.nproc} CPUs (nproc), ${m.cpuModel}, ${m.memoryGB.toFixed(1)} GiB memory, Node ${m.node}.`,
    `**Date:** ${m.date}. **Load average at start:** ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min).`,
    '',
    '## Targets',
    '',
    '| verdict | target | figure | bounded by |',
    '|---|---|---|---|',
    ...verdicts.map((v) => `| ${v.pass ? 'MET' : 'MISSED'} | ${cell(v.target)} | ${cell(v.figure)} | ${v.pass ? '' : cell(v.bound ?? '')} |`),
    '',
    '## Figures',
    '',
    '| section | measure | value | detail |',
    '|---|---|--:|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
    'Method: every server runs in its own process and autocannon (10 connections, no pipelining) in the bench process;',
    'server rounds are interleaved (floor, reference, Prism, ...) and ratios are medians of per-round ratios. Wall, CPU',
    '(user + sys of the whole process tree, from `/usr/bin/time -v`) and peak RSS are the median of the repeated runs; the',
    '"tree" RSS is the summed RSS of every process of the run, sampled every 100 ms. The replay floor re-sends the exact',
    'requests the run made (recorded by a reference server, ids and etags mapped to the replay\'s own) with a bare',
    'node:http keep-alive client. Raw figures: `reports/bench.json`.',
    '',
  ];
  return lines.join('\n');
}

const NETWORK_BEGIN = '<!-- section 5: real network conditions -->';
const NETWORK_END = '<!-- end of section 5 -->';

/** Section 5 of BENCHMARKS.md, between markers, so `--sections 5` can rewrite it alone. */
export function networkMarkdown(m: Machine, rows: Row[], verdicts: Verdict[], command: string): string {
  return [
    NETWORK_BEGIN,
    '## Real network conditions',
    '',
    `Written by \`${command}\` on ${m.date} (load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' / ')}). The reference server`,
    'runs in its own process behind bench/net-conditions.ts: a proxy that delays every request (the round trip of a',
    'remote service) or a limiter answering 429 + `Retry-After: 1` to every third request. The kit runs with the default',
    'options of a `--target` run (4 workers, the --target model budget); counts are taken at the proxy.',
    '',
    '| verdict | target | figure | bounded by |',
    '|---|---|---|---|',
    ...verdicts.map((v) => `| ${v.pass ? 'MET' : 'MISSED'} | ${cell(v.target)} | ${cell(v.figure)} | ${v.pass ? '' : cell(v.bound ?? '')} |`),
    '',
    '| section | measure | value | detail |',
    '|---|---|--:|---|',
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    NETWORK_END,
    '',
  ].join('\n');
}

/** `document` with its section 5 replaced by `section` (appended when it has none; removed when `section` is empty). */
export function replaceNetworkSection(document: string, section: string): string {
  const begin = document.indexOf(NETWORK_BEGIN);
  const end = document.indexOf(NETWORK_END);
  if (begin < 0 || end < begin) return section ? `${document.replace(/\n*$/, '\n\n')}${section}` : document;
  return `${document.slice(0, begin)}${section}${document.slice(end + NETWORK_END.length).replace(/^\n/, '')}`;
}

/** The section 5 block of `document`, or '' (a full bench without section 5 keeps the last one written). */
export function networkSectionOf(document: string): string {
  const begin = document.indexOf(NETWORK_BEGIN);
  const end = document.indexOf(NETWORK_END);
  return begin < 0 || end < begin ? '' : `${document.slice(begin, end + NETWORK_END.length)}\n`;
}
