// The plan as a Playwright test that needs nothing but @playwright/test: the same requests as the curl script, the
// same threading of ids and etags, the same cleanup, and one assertion at the end: the target does not give the
// answer that broke the rule. It fails while the failure reproduces and passes once the target behaves.
import { blankPaths, maskedPaths, maskVolatile, VOLATILE_KEY } from './volatile.ts';
import { MASKED, StringTemplate, type BodyTemplate, type ReproPlan, type Template } from './plan.ts';

function tsString(template: Template): string {
  if (template.length === 0) return "''";
  return template.map((part) => ('text' in part ? JSON.stringify(part.text) : `v.${part.variable}`)).join(' + ');
}

function tsBody(body: BodyTemplate): string {
  if (body instanceof StringTemplate) return tsString(body.parts);
  if (Array.isArray(body)) return `[${body.map(tsBody).join(', ')}]`;
  if (body !== null && typeof body === 'object') return `{ ${Object.entries(body).map(([k, v]) => `${JSON.stringify(k)}: ${tsBody(v)}`).join(', ')} }`;
  return JSON.stringify(body);
}

/** The comparison helpers, written out: the spec must run without the kit. They do what volatile.ts does. */
const HELPERS = `const VOLATILE_KEY = new RegExp(${JSON.stringify(VOLATILE_KEY.source)});
function maskVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskVolatile);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => {
    const child = (value as Record<string, unknown>)[key];
    return [key, VOLATILE_KEY.test(key) ? \`<\${child === null ? 'null' : Array.isArray(child) ? 'array' : typeof child}>\` : maskVolatile(child)];
  }));
}
function blankPaths(value: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(value);
  for (const path of paths) {
    let node = copy as Record<string | number, unknown> | undefined;
    for (const key of path.slice(0, -1)) node = node !== null && typeof node === 'object' ? (node[key] as typeof node) : undefined;
    const last = path[path.length - 1];
    if (last !== undefined && node !== null && typeof node === 'object' && last in node) node[last] = '<masked>';
  }
  return copy;
}
async function bodyOf(answer: { text(): Promise<string> }): Promise<any> {
  const text = await answer.text();
  try { return text === '' ? undefined : JSON.parse(text); } catch { return undefined; }
}
function need(name: string, what: string, fallback?: string): string {
  const value = process.env[name] || fallback;
  if (!value) throw new Error(\`set \${name} (\${what})\`);
  return value;
}`;

export function renderStandaloneSpec(plan: ReproPlan): string {
  const blanks = maskedPaths(plan.broke.body, MASKED);
  const broke = { status: plan.broke.status, body: maskVolatile(blankPaths(plan.broke.body, blanks)) ?? null };
  const out: string[] = [
    `// Replays the failure of ${plan.requirement}: ${plan.test.split('\n')[0]}`,
    `// It failed with: ${plan.message.split('\n')[0]}`,
    '// Run: AEP_FLOW_SERVICE_URL=<service base URL> npx playwright test ' + `${plan.requirement}.spec.ts`,
    `// It reads ${plan.environment.map((e) => e.name).join(', ')} from the environment. It fails while the failure reproduces.`,
    "import { expect, test } from '@playwright/test';",
    '',
    HELPERS,
    '',
    `const BROKE = ${JSON.stringify(broke)};`,
    `const BLANKS: (string | number)[][] = ${JSON.stringify(blanks)};`,
    '',
    `test(${JSON.stringify(`${plan.requirement}: the target no longer gives the answer that broke the rule (${plan.test.split('\n')[0]})`)}, async ({ request }) => {`,
    "  const BASE = need('AEP_FLOW_SERVICE_URL', 'the service base URL').replace(/\\/+$/, '');",
    '  const v: Record<string, string> = {',
    ...plan.environment.map((e) => `    ${e.name}: need(${JSON.stringify(e.name)}, ${JSON.stringify(e.what)}${e.fallback !== undefined ? `, ${JSON.stringify(e.fallback)}` : ''}),`),
    '  };',
    '  const created: { path: string; headers: Record<string, string> }[] = [];',
    '  let answer;',
    '  let body: any;',
    '  try {',
  ];
  plan.steps.forEach((step, index) => {
    const headers = `{ ${step.headers.map((h) => `${JSON.stringify(h.name)}: ${tsString(h.value)}`).join(', ')} }`;
    out.push(
      `    // step ${index + 1}`,
      `    answer = await request.fetch(BASE + ${tsString(step.path)}, { method: ${JSON.stringify(step.method)}, headers: ${headers}${step.body !== undefined ? `, data: JSON.stringify(${tsBody(step.body)})` : ''}, maxRedirects: 0 });`,
      '    body = await bodyOf(answer);',
    );
    for (const capture of step.captures) {
      const read = 'header' in capture.from
        ? `answer.headers()[${JSON.stringify(capture.from.header)}] ?? ''`
        : `String(body${capture.from.body.map((p) => `?.[${JSON.stringify(p)}]`).join('')} ?? '')`;
      out.push(`    v.${capture.variable} = ${read};`);
    }
    if (step.created) out.push(`    if (v.${step.created.variable}) created.push({ path: ${JSON.stringify(`/${step.created.collection}/`)} + v.${step.created.variable}, headers: ${headers} });`);
  });
  out.push(
    `    const now = { status: answer.status(), body: maskVolatile(blankPaths(body, BLANKS)) ?? null };`,
    `    expect(now, ${JSON.stringify(`the answer that broke ${plan.requirement}, given again: ${plan.message.split('\n')[0]}`)}).not.toEqual(BROKE);`,
    '  } finally {',
    '    // children before parents, twice: a parent refused while a child still named it goes in the second round',
    "    const rank = ['/flows/', '/sourceConnections/', '/targetConnections/', '/connections/'];",
    '    created.reverse().sort((a, b) => rank.findIndex((r) => a.path.startsWith(r)) - rank.findIndex((r) => b.path.startsWith(r)));',
    '    for (let round = 0; round < 2; round++) for (const entity of created) await request.delete(BASE + entity.path, { headers: entity.headers }).catch(() => undefined);',
    '  }',
    '});',
    '',
  );
  return out.join('\n');
}
