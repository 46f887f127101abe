// Reads Playwright's JSON report into the outcomes the fold works on (tags, status, errors, annotations, exchanges).
import { readFileSync } from 'node:fs';
import { stripAnsi, type TestOutcome } from './fold.ts';
import { uniqueAnnotations } from './outcomes-reporter.ts';

interface JsonAttachment { name: string; contentType: string; path?: string; body?: string }
interface JsonResult {
  status: TestOutcome['status'];
  duration: number;
  errors?: { message?: string }[];
  attachments?: JsonAttachment[];
  annotations?: { type: string; description?: string }[];
}
interface JsonTest { projectName: string; annotations?: { type: string; description?: string }[]; results: JsonResult[] }
interface JsonSpec { title: string; file: string; line: number; tags?: string[]; tests: JsonTest[] }
interface JsonSuite { title: string; file?: string; specs?: JsonSpec[]; suites?: JsonSuite[] }
export interface JsonReport { suites: JsonSuite[]; errors?: { message?: string }[] }

export function readJsonReport(file: string): JsonReport {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonReport;
}

/** Outcomes per Playwright project (a project per fault mode in self-validation). */
export function outcomesByProject(report: JsonReport): Map<string, TestOutcome[]> {
  const byProject = new Map<string, TestOutcome[]>();
  const visit = (suite: JsonSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const result = test.results[test.results.length - 1];
        if (!result) continue;
        const exchangesAttachment = result.attachments?.find((a) => a.name === 'exchanges' && a.body);
        const outcome: TestOutcome = {
          title: spec.title,
          file: spec.file,
          line: spec.line,
          tags: spec.tags?.map((t) => (t.startsWith('@') ? t : `@${t}`)) ?? [],
          status: result.status,
          durationMs: result.duration,
          errors: (result.errors ?? []).map((e) => stripAnsi(e.message ?? '')),
          annotations: uniqueAnnotations([...(test.annotations ?? []), ...(result.annotations ?? [])]),
          ...(exchangesAttachment ? { exchanges: JSON.parse(Buffer.from(exchangesAttachment.body!, 'base64').toString('utf8')) as unknown[] } : {}),
        };
        byProject.set(test.projectName, [...(byProject.get(test.projectName) ?? []), outcome]);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites) visit(suite);
  return byProject;
}
