// Renders generators/generated/report-client.ts: the report's client script (cli/report-client/report-client.ts),
// type-checked with the project, transpiled to the JavaScript index.html inlines. The output is a pure function of the
// source and the pinned TypeScript, so `npm run generate:check` catches a source edit without a regenerate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const REPORT_CLIENT_SOURCE = 'cli/report-client/report-client.ts';
export const REPORT_CLIENT_OUTPUT = 'generators/generated/report-client.ts';

/** The inlined script as it runs in the page: one classic script, so a function scope of its own and strict mode. */
export function reportClientScript(root: string): string {
  return transpileReportClient(readFileSync(join(root, REPORT_CLIENT_SOURCE), 'utf8'));
}

export function transpileReportClient(source: string): string {
  const { outputText, diagnostics = [] } = ts.transpileModule(source, {
    fileName: REPORT_CLIENT_SOURCE,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, removeComments: true, newLine: ts.NewLineKind.LineFeed },
  });
  if (diagnostics.length > 0) throw new Error(`${REPORT_CLIENT_SOURCE}: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, '\n')}`);
  // its imports are types only, so what is left of them is the marker that the file was a module
  const body = outputText.replace(/^export \{\};\n/m, '').replace(/^\/\/\/ <reference lib="dom" \/>\n/m, '');
  if (/^\s*(import|export)\b/m.test(body)) throw new Error(`${REPORT_CLIENT_SOURCE}: an inline script cannot import or export; keep its imports type-only`);
  // inside <script>, these would end the script or start a comment that swallows the rest of the page
  if (/<\/script|<!--/i.test(body)) throw new Error(`${REPORT_CLIENT_SOURCE}: the script may not contain "</script" or "<!--"`);
  return `(function () {\n'use strict';\n${body}})();\n`;
}

/** A template literal holding `text` exactly, so that the generated file reads (and diffs) line by line. */
function templateLiteral(text: string): string {
  return `\`${text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

export function renderReportClient(root: string, banner: string): { path: string; content: string } {
  return {
    path: REPORT_CLIENT_OUTPUT,
    content: `// ${banner}\n\n/** The report's client script, transpiled from ${REPORT_CLIENT_SOURCE}. */\nexport const REPORT_CLIENT_JS = ${templateLiteral(reportClientScript(root))};\n`,
  };
}
