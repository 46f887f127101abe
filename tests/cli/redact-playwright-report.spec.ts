// Playwright's own records are scrubbed without breaking them: JSON stays JSON, an archive stays an archive, and a
// record that cannot be read is removed rather than left unchecked.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { embeddedArchive, redactPlaywrightRecords } from '../../cli/redact-playwright-report.ts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const CALL_LOG = 'apiRequestContext.fetch: Timeout 1000ms exceeded.\nCall log:\n  - → DELETE http://127.0.0.1/x\n  - authorization: Bearer worker-token-1\n  - x-api-key: key-42\n  - accept: application/json\n';
const page = (archive: Uint8Array) => `<!DOCTYPE html><html><body><template id="playwrightReportBase64">data:application/zip;base64,${Buffer.from(archive).toString('base64')}</template></body></html>`;

test('JSON records stay valid JSON: strings are scrubbed, secret headers masked, other values untouched', ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  mkdirSync(join(dir, 'test-results', 'a'), { recursive: true });
  const record = { authorization: null, count: 3, headers: { Authorization: 'Bearer tok-1', 'set-cookie': ['sid=abc'], 'X-Api-Key': 'k-9' }, error: { message: CALL_LOG } };
  writeFileSync(join(dir, 'test-results', 'a', 'record.json'), JSON.stringify(record));
  writeFileSync(join(dir, 'test-results', 'a', 'events.jsonl'), `${JSON.stringify({ log: CALL_LOG })}\n${JSON.stringify({ ok: true })}\n`);
  writeFileSync(join(dir, 'test-results', 'a', 'error-context.md'), `# Error\n${CALL_LOG}`);
  const changed = redactPlaywrightRecords(dir, []);
  expect(changed).toHaveLength(3);
  const clean = JSON.parse(readFileSync(join(dir, 'test-results', 'a', 'record.json'), 'utf8')) as typeof record;
  expect(clean.authorization).toBeNull();
  expect(clean.count).toBe(3);
  expect(clean.headers).toEqual({ Authorization: 'Bearer [redacted]', 'set-cookie': ['[redacted]'], 'X-Api-Key': '[redacted]' });
  expect(clean.error.message).toContain('authorization: Bearer [redacted]');
  const lines = readFileSync(join(dir, 'test-results', 'a', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
  expect(lines).toHaveLength(2);
  for (const file of ['record.json', 'events.jsonl', 'error-context.md']) {
    const text = readFileSync(join(dir, 'test-results', 'a', file), 'utf8');
    for (const secret of ['worker-token-1', 'key-42', 'tok-1', 'sid=abc', 'k-9']) expect(text, `${file} holds ${secret}`).not.toContain(secret);
  }
});

test('the HTML report\'s embedded archive is rewritten masked, its other entries byte for byte', ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  mkdirSync(join(dir, 'playwright-report'), { recursive: true });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const html = join(dir, 'playwright-report', 'index.html');
  writeFileSync(html, page(zipSync({ 'report.json': strToU8(JSON.stringify({ steps: [{ error: CALL_LOG }] })), 'shot.png': png })));
  expect(redactPlaywrightRecords(dir, ['key-42'])).toEqual([html]);
  const entries = unzipSync(embeddedArchive(readFileSync(html, 'utf8'))!);
  expect(Object.keys(entries)).toEqual(['report.json', 'shot.png']);
  const report = strFromU8(entries['report.json']!);
  expect(report).not.toContain('worker-token-1');
  expect(report).not.toContain('key-42');
  expect(JSON.parse(report)).toEqual({ steps: [{ error: expect.stringContaining('x-api-key: [redacted]') }] });
  expect(Buffer.from(entries['shot.png']!).equals(png)).toBe(true);
  expect(redactPlaywrightRecords(dir, ['key-42']), 'a clean report is left alone').toEqual([]);
});

test('a report cut short cannot be checked, so it is removed with a warning, and the rest is still scrubbed', ({}, testInfo) => {
  const dir = testInfo.outputPath('report');
  mkdirSync(join(dir, 'playwright-report'), { recursive: true });
  mkdirSync(join(dir, 'test-results'), { recursive: true });
  const whole = page(zipSync({ 'report.json': strToU8(JSON.stringify({ error: CALL_LOG })) }));
  const html = join(dir, 'playwright-report', 'index.html');
  writeFileSync(html, whole.slice(0, whole.indexOf('base64,') + 40));
  writeFileSync(join(dir, 'test-results', 'log.txt'), CALL_LOG);
  const warnings: string[] = [];
  expect(() => redactPlaywrightRecords(dir, [], (line) => warnings.push(line))).not.toThrow();
  expect(existsSync(html)).toBe(false);
  expect(warnings).toEqual([expect.stringMatching(/^flow-conformance: removed playwright-report\/index\.html: it could not be checked for secrets \(/)]);
  expect(readFileSync(join(dir, 'test-results', 'log.txt'), 'utf8')).not.toContain('worker-token-1');
});
