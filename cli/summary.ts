// The closing table: verdict, counts, what failed, the warnings, what could not be checked, the slowest checks,
// baseline news and where the reports are. The verdict, its headline and its reason are decideVerdict's
// (cli/verdict.ts), read from the results: never worked out again here. Lines fit the terminal (cli/fit.ts).
import { recheckCommand, type Gate } from './baseline.ts';
import { terminalWidth, cut, wrap } from './fit.ts';
import type { ResultRecord, Results } from './results.ts';
import { headlineOf, type Verdict } from './verdict.ts';

/** One mark per status, the same as the live lines (cli/outcomes-reporter.ts). */
export const STATUS_MARK: Record<ResultRecord['status'], string> = { fail: '✗', warn: '!', error: '?', pass: '✓', 'not-applicable': '–' };
/** green, a neutral cyan for a partial verdict (it speaks for a selection only), red, magenta. */
const VERDICT_COLOUR: Record<Verdict, number> = { conformant: 32, partial: 36, 'non-conformant': 31, 'no-verdict': 35 };

export function printSummary(results: Results, gate: Gate, reportDir: string): void {
  const { summary } = results;
  const color = process.stdout.isTTY && !process.env.CI && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const headline = results.headline ?? headlineOf({ verdict: results.verdict, knownFailures: results.knownFailures ?? 0 });
  const verdict = paint(VERDICT_COLOUR[results.verdict] ?? 31, headline);
  const seconds = ((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000).toFixed(1);
  const width = terminalWidth();
  let reasonsCut = false;
  const item = (r: ResultRecord, note: string) => {
    const head = `  ${STATUS_MARK[r.status]} ${r.id.padEnd(9)} ${r.level.padEnd(6)} `;
    const why = wrap(r.reason.split('\n')[0]!, width - 6);
    reasonsCut ||= why.cut;
    // the note ([known failure], SHOULD) is kept whole while the title still has room to be read
    const room = width - head.length - note.length;
    const title = room >= Math.min(r.title.length, 20) ? `${cut(r.title, room)}${note}` : cut(`${r.title}${note}`, width - head.length);
    return [`${head}${title}`, ...why.lines.map((l) => `      ${l}`)];
  };
  const lines = [
    '',
    `Verdict      ${verdict}  (${results.embedded ? 'embedded reference server' : results.target}${results.strict ? ', strict' : ''}, ${seconds} s)`,
    ...wrap(results.verdictReason, width - 13, 4).lines.map((l) => `             ${l}`),
    `Requirements ${summary.pass} pass · ${summary.fail} fail · ${summary.warn} warn · ${summary.error} error · ${summary['not-applicable']} not applicable`,
  ];
  const known = (r: ResultRecord) => (r.baseline?.expected ? (r.baseline.expired ? ' [baseline entry EXPIRED]' : ' [known failure]') : '');
  const failed = results.requirements.filter((r) => r.status === 'fail');
  if (failed.length > 0) lines.push('', 'What failed:', ...failed.flatMap((r) => item(r, known(r))));
  const warnings = results.requirements.filter((r) => r.status === 'warn');
  if (warnings.length > 0) lines.push('', 'Warnings (SHOULD: do not fail the run):', ...warnings.flatMap((r) => item(r, known(r))));
  // MUST first: those are what leave the run without a verdict
  const unchecked = results.requirements.filter((r) => r.status === 'error').sort((a, b) => (a.level === 'MUST' ? 0 : 1) - (b.level === 'MUST' ? 0 : 1));
  if (unchecked.length > 0) lines.push('', 'Could not check:', ...unchecked.flatMap((r) => item(r, r.level === 'MUST' ? '' : ' (SHOULD: does not fail the run)')));
  if (reasonsCut) lines.push('', ...wrap(`(A reason cut with … is whole in ${reportDir}/index.html and results.json.)`, width, 3).lines);
  if (gate.fixed.length > 0) lines.push('', `Baseline entries that now pass (remove them): ${gate.fixed.join(', ')}`);
  for (const r of results.requirements.filter((x) => x.baseline?.notRechecked)) {
    const c = r.baseline!.notRechecked!;
    lines.push('', `Baseline entry ${r.id} not re-checked: it passed, but this run did not replay the entry's counterexample, so the entry stays; to re-check it: ${recheckCommand(r.id, c)} --baseline FILE`);
  }
  const slowest = [...results.requirements].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).filter((r) => r.durationMs > 0);
  if (slowest.length > 0) lines.push('', `Slowest checks: ${slowest.map((r) => `${r.id} ${(r.durationMs / 1000).toFixed(2)} s`).join(', ')}`);
  if (results.model?.seed !== undefined) lines.push(`Model-based suite: seed ${results.model.seed}, ${results.model.runs ?? '?'} runs, ${results.model.steps ?? '?'} steps`);
  if (results.readOnly && results.specs) {
    lines.push('', 'Draft support (read-only probe):');
    for (const spec of results.specs) lines.push(`  ${spec.collection === 'flowSpecs' ? 'flow spec      ' : 'connection spec'} ${String(spec.name).padEnd(28)} ${String(spec.id)}  isDraftModeSupported: ${JSON.stringify(spec.isDraftModeSupported)}`);
  }
  if (results.interrupted) lines.push('', 'Interrupted: the checks that had not finished could not be checked (error).');
  const left = results.cleanup?.leftBehind ?? [];
  if (results.cleanup) {
    lines.push(left.length === 0
      ? `Cleanup      ${results.cleanup.created} entities created, none left behind`
      : `Cleanup      ${left.length} of ${results.cleanup.created} entities left behind (${left[0]!.reason})${results.embedded ? ': the embedded servers ended with the run, so there is nothing to clean up' : `; retry: flow-conformance cleanup --ledger ${reportDir}/ledger.jsonl`}`);
  }
  lines.push('', `Reports      ${reportDir}/index.html`, `             ${reportDir}/results.json, ${reportDir}/junit.xml${results.playwrightReport ? `, ${reportDir}/playwright-report/` : ''}`, '');
  console.log(lines.join('\n'));
}
