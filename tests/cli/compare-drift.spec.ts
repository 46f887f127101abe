// The drift between two runs of the same seeded checks: what a client could notice (status, fields, types, error
// shape, the headers that matter), never values that differ between any two runs (ids, etags, timestamps, names).
import { expect, test } from '@playwright/test';
import { compareRuns, type ComparedExchange, type ComparedRun } from '../../cli/compare/drift.ts';
import { etagForm, mediaType, shapeDifferences, shapeOf } from '../../cli/compare/json-shape.ts';

let counter = 0;
function answer(status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }, operationId = 'getConnection', durationMs = 20): ComparedExchange {
  return { operationId, request: { method: operationId.startsWith('get') ? 'GET' : 'POST', url: `http://127.0.0.1:1/connections/${++counter}` }, response: { status, headers, body }, durationMs };
}
const entity = (id: string, etag: string, at: number) => ({ items: [{ id, etag, name: `fck-${id}-base-1`, state: 'draft', createdAt: at, auth: { params: { user: 'u' } } }] });
const run = (tests: Record<string, ComparedExchange[]>, requirements: Record<string, string> = { 'DRAFT-001': 'pass' }): ComparedRun => ({ requirements, tests });

test('a run compared with itself, or with a run whose ids, etags, timestamps and names differ, shows no difference', () => {
  const a = run({ 'a draft reads back': [answer(201, { id: 'x1', etag: '"1"' }, { 'content-type': 'application/json', etag: '"1"' }, 'createConnection'), answer(200, entity('x1', '"1"', 1))] });
  const b = run({ 'a draft reads back': [answer(201, { id: 'y-2', etag: '"a-b"' }, { 'content-type': 'application/json; charset=utf-8', etag: '"a-b"' }, 'createConnection'), answer(200, entity('y-2', '"a-b"', 99), undefined, 'getConnection', 35)] });
  expect(compareRuns(a, a)).toEqual({ pairs: 2, disagreements: 0, differences: [] });
  expect(compareRuns(a, b)).toEqual({ pairs: 2, disagreements: 0, differences: [] });
});

test('each kind of difference is found once per operation, counted, and the most significant comes first', () => {
  const a = run({
    t1: [answer(201, { id: '1', etag: '"1"' }, { 'content-type': 'application/json', etag: '"1"' }, 'createConnection'), answer(200, entity('1', '"1"', 1)), answer(404, { type: 't', title: 'n', status: 404 })],
    t2: [answer(201, { id: '2', etag: '"2"' }, { 'content-type': 'application/json', etag: '"2"' }, 'createConnection'), answer(200, entity('2', '"2"', 2))],
  }, { 'DRAFT-001': 'pass', 'API-006': 'pass' });
  const b = run({
    t1: [answer(200, { id: '1', etag: '"1"', extra: true }, { 'content-type': 'application/json', etag: 'W/"1"' }, 'createConnection'), answer(200, { items: [{ ...entity('1', '"1"', 1).items[0], createdAt: 'yesterday' }] }), answer(404, { message: 'not found' })],
    t2: [answer(500, { message: 'boom' }, { 'content-type': 'text/plain' }, 'createConnection'), answer(200, entity('2', '"2"', 2))],
  }, { 'DRAFT-001': 'fail', 'API-006': 'pass' });
  const report = compareRuns(a, b);
  expect(report.disagreements).toBe(1);
  expect(report.pairs).toBe(5);
  const lines = report.differences.map((d) => `${d.kind} ${d.subject}: ${d.summary} ×${d.count}`);
  expect(lines).toEqual([
    'requirement DRAFT-001: DRAFT-001: pass on A, fail on B ×1',
    'status-class createConnection: answered 201 on A, 500 on B ×1',
    'status-code createConnection: answered 201 on A, 200 on B ×1',
    'fields createConnection: top-level fields: extra only on B ×1',
    'types getConnection: items[].createdAt is number on A, string on B ×1',
    'error-shape getConnection: error body fields: status, title, type only on A; message only on B ×1',
    'header createConnection: etag: strong on A, weak on B ×1',
  ]);
  expect(report.differences[1]!.seen).toEqual([{ test: 't2', step: 0 }]);
});

test('a request only one side sent is where the runs part; the rest still pair, and raced requests pair whatever order they came back in', () => {
  const a = run({ t: [answer(201, {}, undefined, 'createConnection'), answer(200, {}, undefined, 'getConnection'), answer(412, {}, undefined, 'patchConnection'), answer(200, {}, undefined, 'patchConnection')] });
  const b = run({ t: [answer(201, {}, undefined, 'createConnection'), answer(400, {}, undefined, 'publishConnection'), answer(200, {}, undefined, 'getConnection'), answer(200, {}, undefined, 'patchConnection'), answer(412, {}, undefined, 'patchConnection')] });
  const report = compareRuns(a, b);
  expect(report.pairs).toBe(4);
  expect(report.differences.map((d) => `${d.kind}: ${d.summary}`)).toEqual(['sequence: POST publishConnection: sent 0 times on A, 1 on B']);
  expect(report.differences[0]!.seen).toEqual([{ test: 't', step: 1 }]);
});

test('latency is a difference only past twice as slow and a quarter second slower, and never a requirement', () => {
  const timed = (ms: number[]) => run({ t: ms.map((d) => answer(200, {}, undefined, 'getConnection', d)) });
  expect(compareRuns(timed([100, 100, 100]), timed([190, 200, 210])).differences).toEqual([]);
  expect(compareRuns(timed([10, 10, 10]), timed([150, 150, 150])).differences).toEqual([]);
  const slow = compareRuns(timed([100, 100, 100]), timed([400, 420, 380]));
  expect(slow.differences.map((d) => d.summary)).toEqual(['median 100 ms on A, 400 ms on B']);
  expect(slow.disagreements).toBe(0);
});

test('a shape names the kinds at every path, elements of an array sharing one path, and a missing subtree once', () => {
  expect([...shapeOf({ items: [{ a: 1 }, { a: 'x' }] })].map(([path, kinds]) => `${path}:${[...kinds].sort().join('|')}`)).toEqual([':object', 'items:array', 'items[]:object', 'items[].a:number|string']);
  expect(shapeDifferences(shapeOf({ auth: { params: { u: 'x' } } }), shapeOf({}))).toEqual([{ path: 'auth', a: ['object'], b: [] }]);
  expect([etagForm('"1"'), etagForm('W/"1"'), etagForm('1'), etagForm(undefined)]).toEqual(['strong', 'weak', 'unquoted', 'absent']);
  expect([mediaType('Application/JSON; charset=utf-8'), mediaType(undefined)]).toEqual(['application/json', 'absent']);
});
