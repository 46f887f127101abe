// A check's exchanges, from the worker that made them to the CLI's reporter in the runner: one file per test result in
// the run's report dir. As a Playwright attachment they cost more than many of the checks did: every test's exchanges
// (up to 300) went through the worker's IPC, were stored again, zipped, inside Playwright's HTML report, and were then
// unzipped and scanned for secrets by the CLI (cli/redact-playwright-report.ts), over 5 MB in a default run. The
// recorder has redacted them already, as it has what outcomes.json holds; the reporter deletes each file once read.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Under the report dir; gone once the reporter has read every file. */
export const EXCHANGES_DIR = 'exchanges.tmp';

function fileOf(reportDir: string, testId: string, retry: number): string {
  return join(reportDir, EXCHANGES_DIR, `${testId.replace(/[^\w-]/g, '_')}-${retry}.json`);
}

/**
 * A test result's exchanges, unless some were written for it already: the first are its evidence (a shrunk case's
 * own, written in the test's body, ahead of the whole test's, written by its fixture).
 */
export function writeExchanges(reportDir: string, testId: string, retry: number, exchanges: unknown[]): void {
  mkdirSync(join(reportDir, EXCHANGES_DIR), { recursive: true });
  try {
    writeFileSync(fileOf(reportDir, testId, retry), JSON.stringify(exchanges), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** The exchanges written for a test result, read once (the file is removed); undefined when none were. */
export function takeExchanges(reportDir: string, testId: string, retry: number): unknown[] | undefined {
  const file = fileOf(reportDir, testId, retry);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  rmSync(file, { force: true });
  return JSON.parse(text) as unknown[];
}

/** What is left when the run ends (tests that never reported): removed with the directory. */
export function removeExchangesDir(reportDir: string): void {
  rmSync(join(reportDir, EXCHANGES_DIR), { recursive: true, force: true });
}
