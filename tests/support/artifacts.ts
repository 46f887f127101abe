// Every byte a run leaves behind, for the secret scans: files under a report dir, with Playwright's HTML report
// opened up (it embeds its data as a base64 zip, which a plain text search would never see into).
import { readFileSync } from 'node:fs';
import { embeddedArchive, filesUnder } from '../../cli/redact-playwright-report.ts';
import { strFromU8, unzipSync } from 'fflate';

/** Each artifact's readable text: files as they are, plus every entry of an embedded Playwright report. */
export function artifactTexts(dir: string): { where: string; text: string }[] {
  return filesUnder(dir).flatMap((file) => {
    const content = readFileSync(file);
    const texts = [{ where: file, text: content.toString('latin1') }];
    const archive = embeddedArchive(content.toString('latin1'));
    for (const [name, data] of Object.entries(archive ? unzipSync(archive) : {})) texts.push({ where: `${file} » ${name}`, text: strFromU8(data) });
    return texts;
  });
}
