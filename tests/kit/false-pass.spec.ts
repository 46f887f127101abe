// The false-pass self-test: the fault-mode matrix shows every check can fail; this shows no check passes wrongly.
// The CLI runs against deliberately broken targets (tests/targets/), as a user would run it, and every `pass` in its
// results.json must be in that target's table of justified passes. A justified pass that does not pass is allowed
// (the kit may be unable to check it: error), and printed. One test runs every target, two CLI runs at a time, so the
// score is one line over all of them; FLOW_CONFORMANCE_FALSE_PASS=all adds the costly targets (Prism among them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { requirementIdsOf, type TestOutcome } from '../../cli/fold.ts';
import { OUTCOMES_FILE } from '../../cli/outcomes-reporter.ts';
import { BROKEN_TARGETS, COSTLY_TARGETS, type BrokenTarget } from '../targets/broken-targets.ts';
import { runCliAgainst } from '../support/run-cli-against.ts';

interface Verdict {
  target: string;
  earned: string[];
  falsePasses: string[];
  notPassing: string[];
  problem?: string;
}

/** The property suite's tests that passed in a CLI run (its outcomes.json, one entry a test). */
function propertyPasses(reportDir: string): TestOutcome[] {
  const file = join(reportDir, OUTCOMES_FILE);
  if (!existsSync(file)) return [];
  const outcomes = JSON.parse(readFileSync(file, 'utf8')) as TestOutcome[];
  return outcomes.filter((o) => o.tags.includes('@property') && o.status === 'passed');
}

async function judge(broken: BrokenTarget): Promise<Verdict> {
  const target = await broken.start();
  try {
    const run = await runCliAgainst(broken.name, target.url, broken.otherSandbox ? { otherSandbox: broken.otherSandbox } : {});
    const verdict: Verdict = { target: broken.name, earned: [], falsePasses: [], notPassing: [] };
    if (!run.results) return { ...verdict, problem: `no results.json (exit ${run.code}): ${run.output.slice(-800)}` };
    // the property suite's own tests, one requirement each: none may pass for a requirement the target does not earn,
    // even where another check of that requirement fails it (the fold shows the requirement, not each test)
    for (const outcome of propertyPasses(run.reportDir)) {
      for (const id of requirementIdsOf(outcome.tags).filter((id) => !broken.justified[id])) {
        verdict.falsePasses.push(`${broken.name}: the property test "${outcome.title}" passed ${id}, unearned`);
      }
    }
    for (const result of run.results.requirements) {
      const why = broken.justified[result.id];
      if (result.status === 'pass') {
        if (why) verdict.earned.push(result.id);
        else verdict.falsePasses.push(`${broken.name}: ${result.id} passed, unearned (${result.reason})`);
      } else if (why) {
        verdict.notPassing.push(`${broken.name}: ${result.id} is ${result.status} (justified: ${why}): ${result.reason.split('\n')[0]}`);
      }
    }
    return verdict;
  } finally {
    await target.close();
  }
}

/** `concurrency` CLI runs at a time: each is a runner and one worker, busy on CPU (a new worker after each failure). */
async function judgeAll(targets: BrokenTarget[], concurrency: number): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  const queue = [...targets];
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) verdicts.push(await judge(next));
  }));
  return verdicts.sort((a, b) => a.target.localeCompare(b.target));
}

test('no check passes against a broken target unless that target earns it', async () => {
  test.setTimeout(900_000);
  const targets = process.env.FLOW_CONFORMANCE_FALSE_PASS === 'all' ? [...BROKEN_TARGETS, ...COSTLY_TARGETS] : BROKEN_TARGETS;
  const verdicts = await judgeAll(targets, 2);
  const falsePasses = verdicts.flatMap((v) => v.falsePasses);
  const earned = verdicts.reduce((n, v) => n + v.earned.length, 0);
  for (const line of verdicts.flatMap((v) => v.notPassing)) console.log(`justified, not passing: ${line}`);
  for (const line of falsePasses) console.log(`false pass: ${line}`);
  console.log(`false-pass self-test: earned passes ${earned}/${earned + falsePasses.length}, false passes ${falsePasses.length} (${verdicts.length} broken targets)`);
  expect(verdicts.flatMap((v) => (v.problem ? [`${v.target}: ${v.problem}`] : []))).toEqual([]);
  expect(falsePasses).toEqual([]);
});
