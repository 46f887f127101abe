// The report's client script is transpiled into a classic inline script: type-only imports vanish, anything that
// would need a module system or could end the <script> element early is refused at `npm run generate`.
import { expect, test } from '@playwright/test';
import { transpileReportClient } from '../../generators/report-client.ts';

test('types and type-only imports are erased; the script runs strict in its own scope', () => {
  const script = transpileReportClient(`import type { Status } from '../fold.ts';\nconst s: Status = 'pass';\ndocument.title = s;\n`);
  expect(script).toBe(`(function () {\n'use strict';\nconst s = 'pass';\ndocument.title = s;\n})();\n`);
});

test('a value import or an export is refused: an inline script has no module to take it from', () => {
  expect(() => transpileReportClient(`import { STATUS_ORDER } from '../html-report.ts';\nconsole.log(STATUS_ORDER);\n`)).toThrow(/cannot import or export/);
  expect(() => transpileReportClient(`export const x = 1;\n`)).toThrow(/cannot import or export/);
});

test('text that would end the script element or open an HTML comment is refused', () => {
  expect(() => transpileReportClient(`const end = '</script>';\n`)).toThrow(/<\/script/);
  expect(() => transpileReportClient(`const open = '<!-- x';\n`)).toThrow(/<!--/);
});
