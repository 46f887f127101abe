// A test per documented example of the draft, update, filter, monitoring and enable/disable docs: the doc's request
// (ids substituted by the ones its setup created) against the in-process reference server, whose status and body
// must match the doc's, field order and ids free (tests/support/shape.ts says what "match" means). Examples that wait
// for another part of issue 11 are marked test.fail with that part's name, so that they can be flipped as it lands.
import { expect, test } from '@playwright/test';
import { InProcessClient } from './../support/in-process.ts';
import { constant, matching, mergeShapes, shapeMismatches, substitute, type Shape } from '../support/shape.ts';
import { DRAFT_EXAMPLES } from './documented-examples/draft.ts';
import { PART_NAMES, type DocumentedExample, type Part } from './documented-examples/example.ts';
import { FILTER_EXAMPLES } from './documented-examples/filter.ts';
import { MONITORING_EXAMPLES } from './documented-examples/monitoring.ts';
import { SORT_AND_FILTER_EXAMPLES } from './documented-examples/sort-and-filter.ts';
import { UPDATE_EXAMPLES } from './documented-examples/update.ts';

const EXAMPLES: DocumentedExample[] = [...DRAFT_EXAMPLES, ...UPDATE_EXAMPLES, ...FILTER_EXAMPLES, ...SORT_AND_FILTER_EXAMPLES, ...MONITORING_EXAMPLES];

/** The parts of issue 11 on this branch: their examples must pass now. */
const LANDED = new Set<Part>(['lists', 'fields', 'errors', 'runs', 'explore']);

const waitsFor = (part: Part) =>
  part === 'none' ? 'expected to fail: no part of issue 11 covers this yet' : `expected to fail until issue 11's ${PART_NAMES[part]} lands`;

async function replay(example: DocumentedExample, shape: Shape | undefined): Promise<void> {
  const api = new InProcessClient();
  const values = example.setup ? await example.setup(api) : {};
  const request = substitute(example.request, values);
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = value ?? undefined;
  const answer = await api.call(request.method, request.path, { headers, ...(request.body === undefined ? {} : { body: request.body }) });
  const what = `${request.method} ${request.path} (${example.doc})`;
  const got = `received ${answer.status} ${answer.text.slice(0, 400)}`;
  if (example.status === '4xx') {
    expect(answer.status >= 400 && answer.status < 500, `${what}: expected a 4xx refusal, ${got}`).toBe(true);
  } else {
    expect(answer.status, `${what}: expected ${example.status}, ${got}`).toBe(example.status);
  }
  if (shape === undefined) return;
  const mismatches = shapeMismatches(answer.body, substitute(shape, values));
  expect(mismatches, `${what}: the answer does not have the documented shape; ${got}`).toEqual([]);
}

test.describe('documented examples', () => {
  for (const example of EXAMPLES) {
    test(`${example.doc}: ${example.title}`, async () => {
      if (example.awaits && !LANDED.has(example.awaits)) test.fail(true, waitsFor(example.awaits));
      await replay(example, example.shape);
    });
    for (const [part, extra] of Object.entries(example.awaitsFields ?? {}) as [Part, Shape][]) {
      test(`${example.doc}: ${example.title} [+ the fields ${part === 'none' ? 'no part of issue 11 adds yet' : `issue 11's ${part} part adds`}]`, async () => {
        if (!LANDED.has(part)) test.fail(true, waitsFor(part));
        await replay(example, example.shape === undefined ? extra : mergeShapes(example.shape, extra));
      });
    }
  }
});

test.describe('the shape matcher', () => {
  const shape: Shape = { id: 'x', etag: '"e"', state: constant('draft'), count: 1, ok: true, items: [{ name: 'n' }], links: {} };
  const good = { etag: '"other"', id: 'y', state: 'draft', count: 7, ok: false, items: [{ name: 'a', extra: 1 }, { name: 'b' }], links: { next: 1 }, more: 1 };

  test('passes an answer with every field, any order, other ids and values, extra fields', () => {
    expect(shapeMismatches(good, shape)).toEqual([]);
  });

  test('fails a missing field, naming its path', () => {
    const { etag: _dropped, ...rest } = good;
    expect(shapeMismatches(rest, shape)).toEqual(['$.etag: missing (expected string)']);
    expect(shapeMismatches({ ...good, items: [{ name: 'a' }, { nom: 'b' }] }, shape)).toEqual(['$.items[1].name: missing (expected string)']);
  });

  test('fails a wrong JSON type', () => {
    expect(shapeMismatches({ ...good, count: '7' }, shape)).toEqual(['$.count: expected number, got string "7"']);
    expect(shapeMismatches({ ...good, links: [] }, shape)).toHaveLength(1);
    expect(shapeMismatches({ ...good, items: {} }, shape)).toHaveLength(1);
    expect(shapeMismatches(null, { a: 1 })).toHaveLength(1);
    expect(shapeMismatches({ a: null }, { a: 1 })).toHaveLength(1);
  });

  test('fails a wrong constant, and a string not of the asked form', () => {
    expect(shapeMismatches({ ...good, state: 'enabled' }, shape)).toEqual(['$.state: expected "draft", got "enabled"']);
    expect(shapeMismatches({ op: 'Enable' }, { op: constant('enable') })).toHaveLength(1);
    expect(shapeMismatches({ n: 0 }, { n: constant(0) })).toEqual([]);
    expect(shapeMismatches({ href: '/c?limit=1&continuationToken=t' }, { href: matching(/^\/c\?continuationToken=/) })).toHaveLength(1);
    expect(shapeMismatches({ href: '/c?continuationToken=t&limit=1' }, { href: matching(/^\/c\?continuationToken=/) })).toEqual([]);
  });

  test('an array in the shape asks for at least one element, each like its first; an empty one for any array', () => {
    expect(shapeMismatches({ ...good, items: [] }, shape)).toEqual(['$.items: expected at least one element like {"name":"n"}, got []']);
    expect(shapeMismatches({ items: [] }, { items: [] })).toEqual([]);
    expect(shapeMismatches({ items: [{ state: 'enabled' }, { state: 'draft' }] }, { items: [{ state: constant('enabled') }] })).toHaveLength(1);
  });

  test('substitutes setup values into strings and constants, and merges shapes field by field', () => {
    expect(shapeMismatches({ id: 'abc' }, substitute({ id: constant('{ID}') }, { ID: 'abc' }))).toEqual([]);
    expect(shapeMismatches({ id: 'abd' }, substitute({ id: constant('{ID}') }, { ID: 'abc' }))).toHaveLength(1);
    const merged = mergeShapes({ items: [{ a: 1 }] }, { items: [{ b: constant('x') }] });
    expect(shapeMismatches({ items: [{ a: 2, b: 'x' }] }, merged)).toEqual([]);
    expect(shapeMismatches({ items: [{ a: 2 }] }, merged)).toEqual(['$.items[0].b: expected "x", got nothing']);
  });
});
