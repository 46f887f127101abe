// The closing table: verdict, counts, what failed, what could not be checked, the slowest checks, baseline news and
// where the reports are. The verdict and its reason are decideVerdict's (cli/verdict.ts), read from the results.
import { recheckCommand, type Gate } from './baseline.ts';
import type { Results } from './results.ts';

export function printSummary(results: Results, gate: Gate, reportDir: string): void {
  const { summary } = results;
  const color = process.stdout.isTTY && !process.env.CI && !process.env.NO_COLOR;
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdict = results.verdict === 'conformant' ? paint(32, 'CONFORMANT') : results.verdict === 'no-verdict' ? paint(35, 'NO VERDICT') : paint(31, 'NON-CONFORMANT');
  const seconds = ((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000).toFixed(1);
  const lines = [
    '',
    `Verdict      ${verdict}  (${results.embedded ? 'embedded reference server' : results.target}${results.strict ? ', strict' : ''}, ${seconds} s)`,
    `             ${results.verdictReason}`,
    `Requirements ${summary.pass} pass · ${summary.fail} fail · ${summary.warn} warn · ${summary.error} error · ${summary['not-applicable']} not applicable`,
  ];
  const failing = results.requirements.filter((r) => r.status === 'fail' || r.status === 'warn');
  if (failing.length > 0) {
    lines.push('', 'What failed:');
    for (const r of failing) {
      const known = r.baseline?.expected ? (r.baseline.expired ? ' [baseline entry EXPIRED]' : ' [known failure]') : '';
      lines.push(`  ${r.status === 'fail' ? '✗' : '!'} ${r.id.padEnd(9)} ${r.level.padEnd(6)} ${r.title}${known}`);
      lines.push(`      ${r.reason.split('\n')[0]!.slice(0, 200)}`);
    }
  }
  // MUST first: those are what leave the run without a verdict
  const unchecked = results.requirements.filter((r) => r.status === 'error').sort((a, b) => (a.level === 'MUST' ? 0 : 1) - (b.level === 'MUST' ? 0 : 1));
  if (unchecked.length > 0) {
    lines.push('', 'Could not check:');
    for (const r of unchecked) {
      lines.push(`  ? ${r.id.padEnd(9)} ${r.level.padEnd(6)} ${r.title}${r.level === 'MUST' ? '' : ' (SHOULD: does not fail the run)'}`);
      lines.push(`      ${r.reason.split('\n')[0]!.slice(0, 200)}`);
    }
  }
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
