// The server's structure, held by tests that can fail: every catalogue requirement is named by the rule that enforces
// it (so `grep -rn ID specs/ suites/ server/` reaches statement, check, rule and fault), fault modes reach the rules
// only through their seams, each fault's declared seam is a seam, and compare-and-set is one store operation.
import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { FaultSeams, SEAM_OF } from '../../server/fault-seams.ts';
import { FAULT_NAMES, Faults } from '../../server/faults.ts';
import { newEtag, Store, type Entity } from '../../server/store.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const serverDir = join(root, 'server');

function sourcesUnder(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [{ file: relative(root, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

const FAULT_FILES = new Set(['server/faults.ts', 'server/fault-seams.ts']);
const ruleSources = () => sourcesUnder(serverDir).filter((s) => !FAULT_FILES.has(s.file));

test('every catalogue requirement is named in a doc comment of the server code that enforces it', () => {
  const ids = (parse(readFileSync(join(root, 'specs/requirements.yaml'), 'utf8')) as { requirements: { id: string }[] }).requirements.map((r) => r.id);
  const comments = ruleSources().map((s) => (s.text.match(/\/\*\*[\s\S]*?\*\//g) ?? []).join('\n')).join('\n');
  const unnamed = ids.filter((id) => !new RegExp(`\\b${id}\\b`).test(comments));
  expect(unnamed, 'requirements no rule names in its doc comment (server/, outside the fault files)').toEqual([]);
});

test('only the fault seams ask whether a fault is on', () => {
  const asking = ruleSources().filter((s) => /\bfaults\.has\(/.test(s.text)).map((s) => s.file);
  expect(asking, 'server files that ask the fault set instead of a seam (server/fault-seams.ts)').toEqual([]);
});

test('every fault declares a seam FaultSeams has', () => {
  const missing = FAULT_NAMES.filter((name) => typeof (FaultSeams.prototype as unknown as Record<string, unknown>)[SEAM_OF[name]] !== 'function');
  expect(missing).toEqual([]);
});

test.describe('store.compareAndSet', () => {
  const entity = (): Entity => {
    const etag = newEtag();
    return { kind: 'connections', id: 'e', seq: 1, doc: { name: 'before' }, state: 'draft', etag, previousEtag: etag, createdAt: 0, updatedAt: 0 };
  };
  const race = async (between?: () => Promise<void>) => {
    const store = new Store();
    const target = entity();
    const expected = target.etag;
    const writers = ['a', 'b', 'c'].map((name) =>
      store.compareAndSet(target, expected, () => name, (prepared) => {
        target.doc = { name: prepared };
        target.etag = newEtag();
      }, between),
    );
    return { won: (await Promise.all(writers)).filter(Boolean).length, name: target.doc.name };
  };

  test('of racing writers with the same etag exactly one wins, and the entity is as it wrote it', async () => {
    expect(await race()).toEqual({ won: 1, name: 'a' });
  });

  test('the race fault\'s seam, between the compare and the set, lets every writer win (ETAG-003 broken)', async () => {
    const between = new FaultSeams(new Faults(['patch-check-then-act-race'])).betweenCompareAndSet();
    expect(between).toBeDefined();
    expect((await race(between)).won).toBe(3);
    expect(new FaultSeams(new Faults()).betweenCompareAndSet()).toBeUndefined();
  });

  test('a stale etag writes nothing, and a refusal while preparing leaves the entity as it was', async () => {
    const store = new Store();
    const target = entity();
    const before = { ...target };
    expect(await store.compareAndSet(target, '"stale"', () => 'x', () => (target.doc = { name: 'x' }))).toBe(false);
    await expect(store.compareAndSet(target, target.etag, () => { throw new Error('refused'); }, () => (target.doc = { name: 'x' }))).rejects.toThrow('refused');
    expect(target).toEqual(before);
  });
});
