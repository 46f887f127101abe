// junit.xml: one testcase per requirement, named by ID and title; failures carry the reason and evidence messages,
// what the kit could not check is an <error> (counted in `errors`), not-applicable requirements are skipped with
// their reason, SHOULD warnings pass with the warning in system-out. The run's verdict (cli/verdict.ts) is a
// testsuite property: a SHOULD error shows here as an <error> but, as the verdict says, does not fail the run.
import type { Results } from './results.ts';
import { VERDICT_WORDS } from './verdict.ts';

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderJunit(results: Results): string {
  const counts = { tests: results.requirements.length, failures: results.summary.fail, skipped: results.summary['not-applicable'] };
  const seconds = (Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000;
  const cases = results.requirements.map((r) => {
    const name = xml(`${r.id} ${r.title}`);
    const open = `    <testcase classname="flow-service-conformance.${xml(r.area)}" name="${name}" time="${(r.durationMs / 1000).toFixed(3)}">`;
    const evidence = r.evidence.map((e) => `${e.test}: ${e.message ?? e.outcome}`).join('\n\n');
    const baseline = r.baseline?.expected ? `\nknown failure (baseline): ${r.baseline.expected.reason}` : '';
    switch (r.status) {
      case 'fail':
        if (r.baseline?.expected && !r.baseline.expired) return `${open}\n      <skipped message="${xml(`known failure: ${r.reason}`)}"/>\n      <system-out>${xml(evidence + baseline)}</system-out>\n    </testcase>`;
        return `${open}\n      <failure message="${xml(r.reason)}" type="${r.level}">${xml(evidence + baseline)}</failure>\n    </testcase>`;
      case 'error':
        return `${open}\n      <error message="${xml(`could not check: ${r.reason}`)}" type="${r.level}">${xml(evidence)}</error>\n    </testcase>`;
      case 'warn':
        return `${open}\n      <system-out>${xml(`WARNING (${r.level}): ${r.reason}\n${evidence}`)}</system-out>\n    </testcase>`;
      case 'not-applicable':
        return `${open}\n      <skipped message="${xml(`not applicable: ${r.reason}`)}"/>\n    </testcase>`;
      default:
        return `${open}</testcase>`;
    }
  });
  const failures = results.requirements.filter((r) => r.status === 'fail' && !(r.baseline?.expected && !r.baseline.expired)).length;
  const skipped = counts.skipped + (results.summary.fail - failures);
  const errors = results.summary.error ?? 0;
  // as results.json has them: a CI that reads the verdict here reads the one every other view shows
  const property = (name: string, value: string) => `      <property name="${name}" value="${xml(value)}"/>`;
  const properties = [
    `    <properties>`, property('verdict', results.verdict), property('headline', results.headline ?? VERDICT_WORDS[results.verdict]),
    property('verdictReason', results.verdictReason ?? ''), ...(results.interrupted ? [property('interrupted', 'true')] : []), `    </properties>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flow-service-conformance" tests="${counts.tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="${xml(`Flow Service conformance: ${results.target}`)}" tests="${counts.tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds.toFixed(3)}" timestamp="${results.startedAt}">`,
    ...properties,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
