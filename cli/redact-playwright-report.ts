// Playwright writes its own records of a run: the HTML report (its data a base64 zip inside index.html), a shard's
// blob archive, and error-context files under test-results/. With the playwright transport, a failed request is
// recorded there with Playwright's call log, which lists every request header, token and API key included; the kit's
// recorder never sees that text. After the run the CLI opens each of them and masks known secrets and the value of
// every secret header (suites/support/redact.ts, freeText).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redactor } from '../suites/support/redact.ts';
import { unzip, zip } from './zip.ts';

const EMBEDDED_ARCHIVE = /(<template id="playwrightReportBase64">data:application\/zip;base64,)([A-Za-z0-9+/=]+)/;
const TEXT_FILE = /\.(json|jsonl|txt|md|log)$/i;

/** The archive with every text entry redacted, or undefined when nothing in it needed to change. */
function redactArchive(archive: Buffer, redactor: Redactor): Buffer | undefined {
  let changed = false;
  const entries = unzip(archive).map((entry) => {
    if (!TEXT_FILE.test(entry.name)) return entry;
    const text = entry.data.toString('utf8');
    const clean = redactor.freeText(text);
    if (clean === text) return entry;
    changed = true;
    return { name: entry.name, data: Buffer.from(clean, 'utf8') };
  });
  return changed ? zip(entries) : undefined;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Redacts Playwright's records in a report dir; returns the files it changed. */
export function redactPlaywrightRecords(reportDir: string, secrets: Iterable<string>): string[] {
  const redactor = new Redactor(secrets);
  const changed: string[] = [];
  const html = join(reportDir, 'playwright-report', 'index.html');
  if (existsSync(html)) {
    const page = readFileSync(html, 'utf8');
    const match = EMBEDDED_ARCHIVE.exec(page);
    const clean = match?.[2] ? redactArchive(Buffer.from(match[2], 'base64'), redactor) : undefined;
    if (clean) {
      writeFileSync(html, page.replace(EMBEDDED_ARCHIVE, (_, prefix: string) => `${prefix}${clean.toString('base64')}`));
      changed.push(html);
    }
  }
  const blob = join(reportDir, 'blob-report.zip');
  if (existsSync(blob)) {
    const clean = redactArchive(readFileSync(blob), redactor);
    if (clean) {
      writeFileSync(blob, clean);
      changed.push(blob);
    }
  }
  for (const file of [...filesUnder(join(reportDir, 'test-results')), ...filesUnder(join(reportDir, 'playwright-report', 'data'))]) {
    if (!TEXT_FILE.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const clean = redactor.freeText(text);
    if (clean !== text) {
      writeFileSync(file, clean);
      changed.push(file);
    }
  }
  return changed;
}
