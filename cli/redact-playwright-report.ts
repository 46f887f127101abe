// Playwright writes its own records of a run: the HTML report (its data a base64 zip inside index.html), a shard's
// blob archive, and error-context files under test-results/. With the playwright transport, a failed request is
// recorded there with Playwright's call log, which lists every request header, token and API key included; the kit's
// recorder never sees that text. After the run the CLI opens each of them and masks known secrets and the value of
// every secret header (kit/redact.ts, freeText).
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isSecretHeader, Redactor } from '../kit/redact.ts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const EMBEDDED_ARCHIVE = /(<template id="playwrightReportBase64">data:application\/zip;base64,)([A-Za-z0-9+/=]+)/;
const TEXT_FILE = /\.(json|jsonl|txt|md|log)$/i;

/** A parsed JSON value with its strings scrubbed and secret headers' values masked; the same object when clean. */
function scrubJson(value: unknown, redactor: Redactor, key = ''): unknown {
  if (typeof value === 'string') return isSecretHeader(key) ? redactor.header(key, value) : redactor.freeText(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => scrubJson(item, redactor, key));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, scrubJson(v, redactor, k)] as const);
    return entries.every(([k, v]) => v === (value as Record<string, unknown>)[k]) ? value : Object.fromEntries(entries);
  }
  return value;
}

/**
 * One text file of Playwright's, scrubbed: JSON (and each line of JSON Lines) value by value, so masking can never
 * break its syntax; anything else as text.
 */
function scrubText(name: string, text: string, redactor: Redactor): string {
  const json = (line: string): string => {
    try {
      const parsed: unknown = JSON.parse(line);
      const clean = scrubJson(parsed, redactor);
      return clean === parsed ? line : JSON.stringify(clean);
    } catch {
      return redactor.freeText(line);
    }
  };
  if (/\.json$/i.test(name)) return json(text);
  if (/\.jsonl$/i.test(name)) return text.split('\n').map((line) => (line.trim() ? json(line) : line)).join('\n');
  return redactor.freeText(text);
}

/** 1980-01-01, the earliest time a zip can hold, so that the same content always zips to the same bytes. */
const ZIP_EPOCH = new Date(1980, 0, 1);

/** The archive with every text entry redacted, or undefined when nothing in it needed to change. */
function redactArchive(archive: Uint8Array, redactor: Redactor): Buffer | undefined {
  let changed = false;
  const entries = unzipSync(archive);
  for (const [name, data] of Object.entries(entries)) {
    if (!TEXT_FILE.test(name)) continue;
    const text = strFromU8(data);
    const clean = scrubText(name, text, redactor);
    if (clean === text) continue;
    changed = true;
    entries[name] = strToU8(clean);
  }
  return changed ? Buffer.from(zipSync(entries, { mtime: ZIP_EPOCH })) : undefined;
}

export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The data archive embedded in a Playwright HTML report page, if there is one. */
export function embeddedArchive(page: string): Buffer | undefined {
  const data = EMBEDDED_ARCHIVE.exec(page)?.[2];
  return data ? Buffer.from(data, 'base64') : undefined;
}

/**
 * Redacts Playwright's records in a report dir; returns the files it changed. A record that cannot be read (a runner
 * killed mid-write) cannot be shown to be clean: it is removed, with a warning, and the run goes on.
 */
export function redactPlaywrightRecords(reportDir: string, secrets: Iterable<string>, warn: (line: string) => void = console.error): string[] {
  const redactor = new Redactor(secrets);
  const changed: string[] = [];
  const guarded = (file: string, rewrite: () => boolean) => {
    try {
      if (rewrite()) changed.push(file);
    } catch (error) {
      rmSync(file, { force: true });
      warn(`flow-conformance: removed ${relative(reportDir, file)}: it could not be checked for secrets (${(error as Error).message.split('\n')[0]})`);
    }
  };
  const html = join(reportDir, 'playwright-report', 'index.html');
  if (existsSync(html)) {
    guarded(html, () => {
      const page = readFileSync(html, 'utf8');
      const archive = embeddedArchive(page);
      if (!archive) throw new Error('no embedded report data');
      const clean = redactArchive(archive, redactor);
      if (clean) writeFileSync(html, page.replace(EMBEDDED_ARCHIVE, (_, prefix: string) => `${prefix}${clean.toString('base64')}`));
      return Boolean(clean);
    });
  }
  const blob = join(reportDir, 'blob-report.zip');
  if (existsSync(blob)) {
    guarded(blob, () => {
      const clean = redactArchive(readFileSync(blob), redactor);
      if (clean) writeFileSync(blob, clean);
      return Boolean(clean);
    });
  }
  for (const file of [...filesUnder(join(reportDir, 'test-results')), ...filesUnder(join(reportDir, 'playwright-report', 'data'))]) {
    if (!TEXT_FILE.test(file)) continue;
    guarded(file, () => {
      const text = readFileSync(file, 'utf8');
      const clean = scrubText(file, text, redactor);
      if (clean !== text) writeFileSync(file, clean);
      return clean !== text;
    });
  }
  return changed;
}
