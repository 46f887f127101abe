// Every view shows the one verdict (issue 12, item 4): for each situation of the verdict table, the real records
// (fold + applyBaseline through writeReports) and every real view (results.json, the console summary, index.html,
// junit.xml, the exit code) must agree on the verdict and its headline. Then a few of them through the real CLI.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Baseline } from '../../cli/baseline.ts';
import { loadCatalogue } from '../../cli/catalogue.ts';
import { NOT_RUN } from '../../kit/annotations/not-run.ts';
import type { Selection, TestOutcome } from '../../cli/fold.ts';
import type { Results } from '../../cli/results.ts';
import { VERDICT_WORDS, type Verdict } from '../../cli/verdict.ts';
import { writeReports, type ReportContext } from '../../cli/write-reports.ts';
import { runCli } from '../support/run-cli.ts';

// the HTML test below opens the reports in Debian's chromium, as tests/report/html-report.spec.ts does
test.use({ launchOptions: { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] } });

const IDS = loadCatalogue().requirements.map((r) => r.id);
const WORDS = Object.values(VERDICT_WORDS).sort((a, b) => b.length - a.length).join('|');
const CLASS: Record<Verdict, string> = { conformant: 'ok', partial: 'partial', 'non-conformant': 'bad', 'no-verdict': 'none' };

function outcome(id: string, status: TestOutcome['status'], extra: Partial<TestOutcome> = {}): TestOutcome {
  return { title: `a check of ${id}`, file: 'suites/x.spec.ts', line: 1, tags: [`@${id}`], status, durationMs: 5, errors: [], annotations: [], ...extra };
}
const failed = (id: string) => outcome(id, 'failed', { errors: [`Error: RequirementFailure: POST /x: expected 4xx, received 200 [${id}]`] });
/** One passing check per requirement; the protocol check judged exchanges, as a whole run's does. */
function everyPass(ids = IDS): TestOutcome[] {
  return ids.map((id) => outcome(id, 'passed', id === 'API-007' ? { annotations: [{ type: 'every-exchange', description: JSON.stringify({ 'API-007': 9, 'API-008': 4 }) }] } : {}));
}
function replace(outcomes: TestOutcome[], ...by: TestOutcome[]): TestOutcome[] {
  const ids = new Set(by.flatMap((o) => o.tags));
  return [...outcomes.filter((o) => !o.tags.some((t) => ids.has(t))), ...by];
}
const budgetSkip = (id: string) => outcome(id, 'skipped', { durationMs: 0, annotations: [{ type: 'skip', description: 'not-applicable: the request budget (--max-requests) was spent before this check' }] });
const notRun = (id: string) => outcome(id, 'skipped', { durationMs: 0, annotations: [{ type: NOT_RUN, description: 'not run: the run was interrupted' }] });

interface Views { results: Results; console: string; consoleHeadline: string; html: string; htmlHeadline: string; junitVerdict: string; junitHeadline: string; exit: number }

/** writeReports into a fresh dir, as the CLI calls it, and each view's verdict read back the way a person or a CI would. */
function allViews(dir: string, outcomes: TestOutcome[], context: Partial<ReportContext>): Views {
  let text = '';
  const { log, error } = console;
  console.log = (...args: unknown[]) => { text += `${args.join(' ')}\n`; };
  console.error = (...args: unknown[]) => { text += `${args.join(' ')}\n`; };
  let exit: number;
  try {
    exit = writeReports(dir, outcomes, { target: 'embedded reference server', embedded: true, startedAt: new Date(0), finishedAt: new Date(1000), strict: false, command: 'flow-conformance', ...context }, false);
  } finally {
    console.log = log;
    console.error = error;
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  const htmlVerdict = /<span class="verdict-word" id="verdict">([^<]*)(?:<span class="verdict-known">([^<]*)<\/span>)?<\/span>/.exec(html);
  return {
    results: JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results,
    console: text,
    consoleHeadline: new RegExp(`^Verdict +((?:${WORDS})(?: \\(\\d+ known failures?\\))?)  \\(`, 'm').exec(text)?.[1] ?? '',
    html,
    htmlHeadline: `${htmlVerdict?.[1] ?? ''}${htmlVerdict?.[2] ?? ''}`,
    junitVerdict: /<property name="verdict" value="([^"]*)"\/>/.exec(junit)?.[1] ?? '',
    junitHeadline: /<property name="headline" value="([^"]*)"\/>/.exec(junit)?.[1] ?? '',
    exit,
  };
}

/** The views agree with each other and with the row. */
function expectAgreement(views: Views, verdict: Verdict, headline: string, exit: number): void {
  expect(views.results.verdict, views.results.verdictReason).toBe(verdict);
  expect(views.results.headline).toBe(headline);
  expect(views.consoleHeadline, views.console).toBe(headline);
  expect(views.htmlHeadline).toBe(headline);
  expect(views.html).toContain(`class="verdict verdict-${CLASS[verdict]}"`);
  expect(views.html).toMatch(new RegExp(`<title>${headline.replace(/[()]/g, '\\$&')} · `));
  expect(views.junitVerdict).toBe(verdict);
  expect(views.junitHeadline).toBe(headline);
  expect(views.exit).toBe(exit);
  // no view prints another verdict word anywhere in its headline
  const others = Object.values(VERDICT_WORDS).filter((w) => !headline.startsWith(w) && !(w === 'CONFORMANT' && headline.startsWith('NON-CONFORMANT')));
  for (const word of others) expect(views.console, `console says ${word}`).not.toMatch(new RegExp(`^Verdict +${word}\\b`, 'm'));
}

interface Row {
  name: string;
  outcomes: TestOutcome[];
  context?: Partial<ReportContext>;
  verdict: Verdict;
  headline: string;
  exit: number;
  also?: (views: Views) => void;
}

const BASELINE: Baseline = { knownFailures: [{ id: 'ORD-003', reason: 'ticket 1', expires: '2999-01-01' }, { id: 'ETAG-004', reason: 'ticket 2' }] };
const SHARD_ONE = IDS.filter((_, i) => i % 2 === 0);

const ROWS: Row[] = [
  { name: 'conformant', outcomes: everyPass(), verdict: 'conformant', headline: 'CONFORMANT', exit: 0 },
  {
    name: 'non-conformant', outcomes: replace(everyPass(), failed('ORD-003')), verdict: 'non-conformant', headline: 'NON-CONFORMANT', exit: 1,
    also: (v) => expect(v.console).toMatch(/^What failed:\n {2}✗ ORD-003 /m),
  },
  {
    name: 'every failure in the baseline: conformant, and the headline says so', outcomes: replace(everyPass(), failed('ORD-003'), failed('ETAG-004')),
    context: { baseline: BASELINE }, verdict: 'conformant', headline: 'CONFORMANT (2 known failures)', exit: 0,
    also: (v) => {
      expect(v.results.knownFailures).toBe(2);
      expect(v.results.verdictReason).toMatch(/no failure outside the baseline \(2 known failures\)/);
      expect(v.console).toMatch(/^ {2}✗ ORD-003 .*\[known failure\]$/m);
    },
  },
  {
    name: '--strict with baseline entries that now pass: non-conformant, the stale entries named in the reason', outcomes: everyPass(),
    context: { strict: true, baseline: { knownFailures: [{ id: 'ORD-003', reason: 'was broken' }, { id: 'DEL-001', reason: 'was broken' }] } },
    verdict: 'non-conformant', headline: 'NON-CONFORMANT', exit: 1,
    also: (v) => {
      expect(v.results.verdictReason).toMatch(/--strict: baseline entries now pass \(remove them\): (ORD-003, DEL-001|DEL-001, ORD-003)/);
      expect(v.html).toMatch(/<span class="gist">[^<]*now pass \(remove them\): [^<]*ORD-003/);
      expect(v.console).toMatch(/^Baseline entries that now pass \(remove them\): /m);
    },
  },
  {
    name: '--max-requests spent: no verdict everywhere', outcomes: [...everyPass(IDS.slice(0, 10)), ...IDS.slice(10).map(budgetSkip)],
    context: { maxRequests: 10 }, verdict: 'no-verdict', headline: 'NO VERDICT', exit: 2,
    also: (v) => {
      expect(v.results.verdictReason).toMatch(/stopped at --max-requests 10/);
      expect(v.console).not.toMatch(/^Verdict +(CONFORMANT|PARTIAL|NON-CONFORMANT)/m);
    },
  },
  {
    name: 'interrupted: no verdict, exit 130; what was cut off is error, not a MUST failure',
    outcomes: [
      ...everyPass(IDS.slice(0, 20)),
      outcome(IDS[20]!, 'failed', { errors: ['Error: apiRequestContext.post: socket hang up'] }),
      outcome(IDS[21]!, 'failed', { errors: ['TypeError: fetch failed\n  cause: other side closed'] }),
      outcome(IDS[22]!, 'interrupted'),
      ...IDS.slice(23).map(notRun),
    ],
    context: { interrupted: true }, verdict: 'no-verdict', headline: 'NO VERDICT', exit: 130,
    also: (v) => {
      expect(v.results.requirements.filter((r) => r.status === 'fail' || r.status === 'warn')).toEqual([]);
      const cut = v.results.requirements.find((r) => r.id === IDS[20])!;
      expect(cut).toMatchObject({ status: 'error', reason: 'cut off when the run was interrupted: apiRequestContext.post: socket hang up' });
      expect(v.html).toMatch(/id="interrupted">The run was interrupted/);
      expect(v.results.verdictReason).toMatch(/interrupted/);
      expect(v.console).toMatch(/^Interrupted: /m);
      expect(v.console).not.toContain('What failed:');
    },
  },
  {
    name: 'interrupted after a real failure: non-conformant, exit 130, and the HTML still says it was interrupted',
    outcomes: [...replace(everyPass(IDS.slice(0, 20)), failed(IDS[3]!)), ...IDS.slice(20).map(notRun)],
    context: { interrupted: true }, verdict: 'non-conformant', headline: 'NON-CONFORMANT', exit: 130,
    also: (v) => expect(v.html).toMatch(/id="interrupted">The run was interrupted/),
  },
  {
    name: '--grep matching nothing: no verdict, exit 2', outcomes: [], context: { selection: { grep: 'nomatch' } },
    verdict: 'no-verdict', headline: 'NO VERDICT', exit: 2, also: (v) => expect(v.results.verdictReason).toMatch(/^no verdict: no check ran/),
  },
  {
    name: '--requirement ORD-003: partial, the 63 others not selected', outcomes: [outcome('ORD-003', 'passed')], context: { selection: { requirements: ['ORD-003'] } },
    verdict: 'partial', headline: 'PARTIAL', exit: 0,
    also: (v) => {
      const others = v.results.requirements.filter((r) => r.id !== 'ORD-003');
      expect(others).toHaveLength(63);
      for (const r of others) expect(r, r.id).toMatchObject({ status: 'not-applicable', reason: 'not selected: filtered out by --requirement', unselected: true });
      expect(v.results.verdictReason).toMatch(/1 requirement checked, 63 not selected/);
    },
  },
  {
    name: 'a shard: partial', outcomes: everyPass(SHARD_ONE), context: { selection: { shard: '1/2' } satisfies Selection },
    verdict: 'partial', headline: 'PARTIAL', exit: 0, also: (v) => expect(v.results.verdictReason).toMatch(/not selected/),
  },
];

for (const row of ROWS) {
  test(`every view agrees: ${row.name}`, ({}, testInfo) => {
    const dir = testInfo.outputPath('report');
    mkdirSync(dir, { recursive: true });
    const views = allViews(dir, row.outcomes, row.context ?? {});
    expectAgreement(views, row.verdict, row.headline, row.exit);
    row.also?.(views);
  });
}

test.describe('the HTML headline in a browser', () => {
  test('each verdict has its own colour, partial too; the headline names the known failures; an interrupted run says so', async ({ page }, testInfo) => {
    const pick = (start: string) => ROWS.find((r) => r.name.startsWith(start))!;
    const shown = new Map<string, string>();
    for (const row of [pick('conformant'), pick('--requirement ORD-003'), pick('non-conformant'), pick('--grep matching nothing'), pick('every failure in the baseline'), pick('interrupted: no verdict')]) {
      const dir = testInfo.outputPath(row.name.replace(/\W+/g, '-').slice(0, 40));
      mkdirSync(dir, { recursive: true });
      allViews(dir, row.outcomes, row.context ?? {});
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await expect(page.locator('#verdict')).toHaveText(row.headline);
      await expect(page.locator('#interrupted')).toHaveCount(row.context?.interrupted ? 1 : 0);
      const colour = await page.locator('.verdict').evaluate((e) => getComputedStyle(e).backgroundColor);
      if (!shown.has(row.verdict)) shown.set(row.verdict, colour);
      expect(colour, row.name).toBe(shown.get(row.verdict));
    }
    expect([...shown.keys()].sort()).toEqual(['conformant', 'no-verdict', 'non-conformant', 'partial']);
    expect(new Set(shown.values()).size, JSON.stringify([...shown])).toBe(4);
  });
});

/** The CLI's exit code, its results.json, its console Verdict line, its HTML and JUnit: one verdict. */
function expectCliAgreement(dir: string, code: number, stdout: string, verdict: Verdict, exit: number): void {
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
  expect(code, stdout).toBe(exit);
  expect(results.verdict, results.verdictReason).toBe(verdict);
  expect(stdout).toMatch(new RegExp(`^Verdict +${results.headline.replace(/[()]/g, '\\$&')}  \\(`, 'm'));
  expect(results.headline.startsWith(VERDICT_WORDS[verdict])).toBe(true);
  expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`id="verdict">${VERDICT_WORDS[verdict]}`);
  expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain(`<property name="verdict" value="${verdict}"/>`);
}

test.describe('through the CLI against the embedded server', () => {
  test.describe.configure({ timeout: 120_000 });

  test('--grep matching nothing: no verdict, exit 2', async ({}, testInfo) => {
    const dir = testInfo.outputPath('report');
    const run = await runCli(['--grep', 'nomatch', '--report-dir', dir]);
    expectCliAgreement(dir, run.code, run.stdout, 'no-verdict', 2);
  });

  test('--requirement ORD-003: partial, exit 0 (and at COLUMNS=60 the live line fits)', async ({}, testInfo) => {
    const dir = testInfo.outputPath('report');
    // a narrow terminal reaches the runner's live lines too
    const run = await runCli(['--requirement', 'ORD-003', '--report-dir', dir], { COLUMNS: '60' });
    expectCliAgreement(dir, run.code, run.stdout, 'partial', 0);
    expect(run.stdout).toMatch(/^✓ ORD-003 +MUST +publish of a flow is refused[^\n]*… +\d+ ms$/m);
    for (const line of run.stdout.split('\n').filter((l) => /^[✓✗!?–] /.test(l))) expect(line.length, line).toBeLessThanOrEqual(60);
  });

  test('--max-requests 10: no verdict, exit 2, and no other verdict word on the Verdict line', async ({}, testInfo) => {
    const dir = testInfo.outputPath('report');
    const run = await runCli(['--max-requests', '10', '--report-dir', dir]);
    expectCliAgreement(dir, run.code, run.stdout, 'no-verdict', 2);
    expect(run.stdout).not.toMatch(/^Verdict +(CONFORMANT|PARTIAL|NON-CONFORMANT)/m);
  });

  test('SIGINT mid-run: no verdict, exit 130, nothing cut off counted as a failure, and every view says it was interrupted', async ({}, testInfo) => {
    const dir = testInfo.outputPath('report');
    const child = spawn(process.execPath, ['bin/flow-conformance.js', '--report-dir', dir, '--runs', '400'], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if ((stdout.match(/^✓ /gm) ?? []).length >= 8 && !child.killed) child.kill('SIGINT');
      });
      child.stderr.on('data', () => {});
      child.on('close', resolve);
    });
    expectCliAgreement(dir, code ?? -1, stdout, 'no-verdict', 130);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    expect(results.requirements.filter((r) => r.status === 'fail'), 'a check cut off by the stop is no failure').toEqual([]);
    expect(stdout).not.toMatch(/^✗ /m);
    expect(stdout).toMatch(/^Interrupted: /m);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/id="interrupted">The run was interrupted/);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<property name="interrupted" value="true"/>');
  });
});
