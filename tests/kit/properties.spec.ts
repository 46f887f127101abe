// The schema-driven property suite (suites/properties.spec.ts) run alone, through the CLI, against the three fault
// modes made for it: each makes the requirement it breaks fail with a shrunk body, the mutation that broke it (for an
// invalid body) and a replay line; no other requirement of the suite fails for it; and the replay line, pasted into a
// shell, fails again with the same mutation and body.
import { expect, test } from '@playwright/test';
import type { Results } from '../../cli/results.ts';
import { readResults, runAsPrinted, runCli, scratchDirs } from '../support/run-cli.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// a CLI run of the suite is some 10 s on an idle machine, several times that on a loaded one; shrinking adds to it
test.describe.configure({ timeout: 400_000 });

const scratch = scratchDirs('fck-props-');

interface PropertyFailure {
  test: string;
  message: string;
  mutation?: string;
  body: string;
  replay: string;
}

/** The property suite's failures of `id` in results.json, each read off its evidence message. */
function failuresOf(results: Results, id: string): PropertyFailure[] {
  const requirement = results.requirements.find((r) => r.id === id)!;
  return requirement.evidence.filter((e) => e.message?.includes('shrunk body: ')).map((e) => {
    const line = (label: string) => new RegExp(`^${label}: (.*)$`, 'm').exec(e.message!)?.[1];
    return { test: e.test, message: e.message!, ...(line('mutation') ? { mutation: line('mutation')! } : {}), body: line('shrunk body')!, replay: line('replay')! };
  });
}

/** A body as two runs print it: entity ids and the run's name prefix differ, the rest must not. */
const comparable = (body: string) => body.replace(UUID, '<id>').replace(/fck-[a-z0-9]+-w\d+-prop-\d+-/g, '<prefix>-');

const FAULTS = [
  { fault: 'unicode-name-answers-500', id: 'API-007', expect: (f: PropertyFailure) => expect(f.body, 'the shrunk name keeps a character outside ASCII').toMatch(/"(name|value)":"fck-[^"]*\\u[0-9a-f]{4}/) },
  { fault: 'params-stored-wrong-typed', id: 'API-011', expect: (f: PropertyFailure) => expect(f.mutation).toMatch(/params (a|an|null)/) },
  { fault: 'patch-of-missing-path-answers-500', id: 'API-007', expect: (f: PropertyFailure) => expect(f.mutation).toMatch(/a path the entity does not have/) },
] as const;

for (const { fault, id, expect: expectCause } of FAULTS) {
  test(`the property suite alone catches ${fault}: ${id} fails with a shrunk body, its mutation and a replay line that reproduces it`, async () => {
    const dir = scratch();
    // the whole suite, every requirement it checks: the fault's must fail, and no other one for it
    const run = await runCli(['--grep', '@property', '--fault', fault, '--strict', '--report-dir', dir]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const results = readResults(dir);
    const failed = results.requirements.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id);
    // a stored wrong-typed params is also served by GET, which the every-exchange check API-008 judges
    expect(failed.filter((other) => other !== 'API-008' || fault !== 'params-stored-wrong-typed')).toEqual([id]);
    const failures = failuresOf(results, id);
    expect(failures.length, `property failures of ${id}`).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure.message.split('\n')[0]).toMatch(new RegExp(`\\[${id}\\]$`));
      expectCause(failure);
      expect(failure.replay).toMatch(new RegExp(`^npx flow-conformance --requirement ${id} --grep \\w+: --seed \\d+ --path "\\d+(:\\d+)*" --strict --fault ${fault}$`));
      expect(failure.message).not.toContain('did not fail again');
    }

    // the first failure's replay, as printed: the same requirement fails, with the same mutation and body
    const [first] = failures;
    const replayDir = scratch();
    const replay = await runAsPrinted(first!.replay, scratch(), ['--report-dir', replayDir]);
    expect(replay.code, replay.stdout + replay.stderr).toBe(1);
    const again = failuresOf(readResults(replayDir), id);
    expect(again).toHaveLength(1);
    expect(again[0]!.test).toBe(first!.test);
    expect(again[0]!.mutation).toBe(first!.mutation);
    expect(comparable(again[0]!.body)).toBe(comparable(first!.body));
    expect(again[0]!.replay).toBe(first!.replay);
  });
}
