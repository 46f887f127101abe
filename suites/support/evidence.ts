// A check's exchanges as its evidence, for the CLI's reporter: the first recorded for a test are the ones it keeps (a
// shrunk case's own, ahead of the whole test's). Under the CLI, or anything that names a report dir, a file beside the
// run (kit/exchanges-file.ts); run by Playwright alone, an attachment of the test.
import type { TestInfo } from '@playwright/test';
import { writeExchanges } from '../../kit/exchanges-file.ts';
import { readRunSetting } from '../../kit/run-settings.ts';

export async function recordEvidence(testInfo: TestInfo, exchanges: readonly unknown[]): Promise<void> {
  const reportDir = readRunSetting('reportDir');
  if (reportDir) writeExchanges(reportDir, testInfo.testId, testInfo.retry, [...exchanges]);
  else if (!testInfo.attachments.some((a) => a.name === 'exchanges')) {
    await testInfo.attach('exchanges', { body: JSON.stringify(exchanges), contentType: 'application/json' });
  }
}
