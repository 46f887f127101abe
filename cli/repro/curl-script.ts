// The plan as a bash script that needs only curl and jq: it sends each request in order, keeps the ids and etags the
// target answers in shell variables for the requests after, and ends by comparing the last answer with the one that
// broke the rule. Exit 1: the failure reproduces (the same answer, volatile values aside); exit 0: the target no
// longer gives it; exit 2: the script could not run (a tool missing, the target unreachable). What it created, it
// deletes on the way out. Secrets come from the environment by name; the script holds none.
import { blankPaths, JQ_MASK_VOLATILE, jqBlankPaths, maskedPaths, maskVolatile } from './volatile.ts';
import { MASKED, StringTemplate, type BodyTemplate, type ReproPlan, type Template } from './plan.ts';

/** `text` inside double quotes in bash: only these four characters keep a meaning there. */
function quoted(text: string): string {
  return text.replace(/[\\"$`]/g, (c) => `\\${c}`);
}

/** A template as a double-quoted bash word. */
function shellWord(template: Template): string {
  return `"${template.map((part) => ('text' in part ? quoted(part.text) : `\${${part.variable}}`)).join('')}"`;
}

/** `text` inside single quotes in bash. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A body template as a jq expression over `$ENV`-free `--arg`s: strings with variables are concatenations. */
function jqExpression(body: BodyTemplate, variables: Set<string>): string {
  if (body instanceof StringTemplate) {
    if (body.parts.length === 0) return '""';
    return body.parts.map((part) => {
      if ('text' in part) return JSON.stringify(part.text);
      variables.add(part.variable);
      return `$${part.variable}`;
    }).join(' + ');
  }
  if (Array.isArray(body)) return `[${body.map((b) => jqExpression(b, variables)).join(', ')}]`;
  if (body !== null && typeof body === 'object') {
    return `{${Object.entries(body).map(([k, v]) => `${JSON.stringify(k)}: ${jqExpression(v, variables)}`).join(', ')}}`;
  }
  return JSON.stringify(body);
}

export function renderCurlScript(plan: ReproPlan): string {
  const lines: string[] = [
    '#!/usr/bin/env bash',
    `# Replays the failure of ${plan.requirement}: ${oneLine(plan.test)}`,
    `# It failed with: ${oneLine(plan.message)}`,
    '#',
    '# Usage: bash ' + `${plan.requirement}.sh BASE_URL   (the service base URL, e.g. https://platform.adobe.io/data/foundation/flowservice;`,
    '#        or set AEP_FLOW_SERVICE_URL). Needs curl and jq. It reads from the environment:',
    ...plan.environment.map((e) => `#   ${e.name.padEnd(28)} ${e.what}${e.fallback !== undefined ? ` (default: ${e.fallback})` : ''}`),
    '# Exit 1: the failure reproduces. Exit 0: the target no longer gives the answer that broke the rule. Exit 2: could not run.',
    'set -uo pipefail',
    'BASE="${1:-${AEP_FLOW_SERVICE_URL:-}}"',
    'if [ -z "$BASE" ]; then echo "give the service base URL as the first argument or in AEP_FLOW_SERVICE_URL" >&2; exit 2; fi',
    'BASE="${BASE%/}"',
    'for tool in curl jq; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }; done',
    ...plan.environment.map((e) => (e.fallback !== undefined
      ? `${e.name}="\${${e.name}:-${quoted(e.fallback)}}"`
      : `if [ -z "\${${e.name}:-}" ]; then echo "set ${e.name} (${quoted(e.what)})" >&2; exit 2; fi`)),
    'WORK="$(mktemp -d)"',
    'cleanup() {',
    // children before parents, twice: a parent refused while a child still named it goes in the second round
    ...(createdInDeleteOrder(plan).length === 0 ? ['  :'] : ['  for round in 1 2; do', ...createdInDeleteOrder(plan).map((c) => `    [ -n "\${${c.variable}:-}" ] && curl -sS -o /dev/null -X DELETE "$BASE/${c.collection}/\${${c.variable}}" ${authArgs(plan)}`), '  done']),
    '  rm -rf "$WORK"',
    '}',
    'trap cleanup EXIT',
    '# send N METHOD URL [curl args...]: the answer lands in $WORK/N.body and $WORK/N.headers, its status in STATUS',
    'send() {',
    '  local n="$1" method="$2" url="$3"; shift 3',
    '  STATUS="$(curl -sS -X "$method" "$url" -D "$WORK/$n.headers" -o "$WORK/$n.body" -w \'%{http_code}\' "$@")" || { echo "step $n: $method $url: no answer" >&2; exit 2; }',
    '  echo "step $n: $method ${url#"$BASE"} -> $STATUS"',
    '}',
  ];
  plan.steps.forEach((step, index) => {
    const n = index + 1;
    const args: string[] = step.headers.map((h) => `-H ${shellWord([{ text: `${h.name}: ` }, ...h.value])}`);
    if (step.body !== undefined) {
      const variables = new Set<string>();
      const expression = jqExpression(step.body, variables);
      lines.push(`jq -n ${[...variables].map((v) => `--arg ${v} "\${${v}}"`).join(' ')} ${singleQuoted(expression)} > "$WORK/${n}.request" || exit 2`);
      args.push(`--data-binary "@$WORK/${n}.request"`);
    }
    lines.push(`send ${n} ${step.method} "$BASE"${shellWord(step.path)} ${args.join(' ')}`);
    for (const capture of step.captures) {
      const read = 'header' in capture.from
        ? `grep -i '^${capture.from.header}:' "$WORK/${n}.headers" | head -n 1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\\r'`
        : `jq -r '.${capture.from.body.map((p) => (typeof p === 'number' ? `[${p}]` : `[${JSON.stringify(p)}]`)).join('')} // empty' "$WORK/${n}.body" 2>/dev/null`;
      lines.push(`${capture.variable}="$(${read})"`);
    }
  });
  const last = plan.steps.length;
  const blanks = maskedPaths(plan.broke.body, MASKED);
  lines.push(
    `# the answer that broke ${plan.requirement}, ids, etags and timestamps replaced by their type`,
    `BROKE_STATUS=${plan.broke.status}`,
    `BROKE_BODY=${singleQuoted(JSON.stringify(maskVolatile(blankPaths(plan.broke.body, blanks)) ?? null))}`,
    `MASK=${singleQuoted(`${jqBlankPaths(blanks).replace(/^ \| /, '')}${blanks.length ? ' | ' : ''}${JQ_MASK_VOLATILE}`)}`,
    `GOT_BODY="$(jq -cS "$MASK" "$WORK/${last}.body" 2>/dev/null || echo null)"`,
    'WANT_BODY="$(printf \'%s\' "$BROKE_BODY" | jq -cS .)"',
    'if [ "$STATUS" = "$BROKE_STATUS" ] && [ "$GOT_BODY" = "$WANT_BODY" ]; then',
    `  echo "reproduced: the target gave the answer that broke ${plan.requirement} again (status $STATUS)"`,
    '  exit 1',
    'fi',
    `echo "not reproduced: the target no longer gives the answer that broke ${plan.requirement}"`,
    'echo "  it was: status $BROKE_STATUS $WANT_BODY"',
    'echo "  now:    status $STATUS $GOT_BODY"',
    'exit 0',
    '',
  );
  return lines.join('\n');
}

/** What the replay created, children first (flows, then source and target connections, then base connections). */
export function createdInDeleteOrder(plan: ReproPlan): { collection: string; variable: string }[] {
  const rank = ['flows', 'sourceConnections', 'targetConnections', 'connections'];
  const created = plan.steps.flatMap((step) => (step.created ? [step.created] : [])).reverse();
  return created.sort((a, b) => rank.indexOf(a.collection) - rank.indexOf(b.collection));
}

/** The headers a cleanup DELETE needs, from the first step (every step carries the same Platform headers). */
function authArgs(plan: ReproPlan): string {
  const wanted = new Set(['authorization', 'x-api-key', 'x-gw-ims-org-id', 'x-sandbox-name']);
  return (plan.steps[0]?.headers ?? []).filter((h) => wanted.has(h.name)).map((h) => `-H ${shellWord([{ text: `${h.name}: ` }, ...h.value])}`).join(' ');
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.replace(/[^\x20-\x7e\u00a0-\uffff]/g, ' ');
}
