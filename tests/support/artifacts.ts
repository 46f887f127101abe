// Every byte a run leaves behind, for the secret scans: files under a report dir, with Playwright's HTML report
// opened up (it embeds its data as a base64 zip, which a plain text search would never see into).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzip } from '../../cli/zip.ts';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Each artifact's readable text: files as they are, plus every entry of an embedded Playwright report. */
export function artifactTexts(dir: string): { where: string; text: string }[] {
  return filesUnder(dir).flatMap((file) => {
    const content = readFileSync(file);
    const texts = [{ where: file, text: content.toString('latin1') }];
    const embedded = /id="playwrightReportBase64">data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(content.toString('latin1'));
    if (embedded?.[1]) {
      for (const entry of unzip(Buffer.from(embedded[1], 'base64'))) texts.push({ where: `${file} » ${entry.name}`, text: entry.data.toString('utf8') });
    }
    return texts;
  });
}
