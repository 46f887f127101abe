// Every byte a run leaves behind, for the secret scans: files under a report dir, with Playwright's HTML report
// opened up (it embeds its data as a base64 zip, which a plain text search would never see into).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The entries of a zip archive, read through its central directory. */
export function unzip(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + skip;
  }
  return entries;
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
