// Listing with property filters (==, !=, >, <; comma for several values; several property params ANDed) and
// orderby (name, +name, -name), over four base connections made either side of a moment in time.
import { expect, test } from '@playwright/test';
import { AZURE_FILE_STORAGE } from '../../server/catalog.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { chain, create, createSource, nextMillisecond } from '../support/drafts.ts';
import { InProcessClient } from '../support/in-process.ts';

interface Seeded {
  api: InProcessClient;
  id: Record<string, string>;
  /** Entities of the first pair have createdAt <= moment, those of the second pair createdAt > moment. */
  moment: number;
}

async function seed(): Promise<Seeded> {
  const api = new InProcessClient();
  const id: Record<string, string> = {};
  const make = async (name: string, draft: boolean) => {
    id[name] = (await create(api, 'connections', { ...baseConnectionBody(), name }, draft)).id;
  };
  await make('bravo', true);
  await make('alpha', false);
  const moment = await nextMillisecond();
  await make('delta', true);
  await make('charlie', false);
  return { api, id, moment };
}

interface FilterCase {
  given: (s: Seeded) => string;
  /** Names in the order the list must show them; `unordered` compares them as a set. */
  want: string[];
  unordered?: boolean;
  tag?: string;
}

const cases: [string, FilterCase][] = [
  ['== keeps the matching entity', { given: () => 'property=name==alpha', want: ['alpha'] }],
  ['== accepts a quoted value', { given: () => 'property=name==%22alpha%22', want: ['alpha'] }],
  ['== with no match lists nothing', { given: () => 'property=name==nobody', want: [] }],
  ['!= drops the matching entity', { given: () => 'property=name!=alpha', want: ['bravo', 'charlie', 'delta'], unordered: true }],
  ['== with a comma list keeps any of the values', { given: () => 'property=name==alpha,charlie', want: ['alpha', 'charlie'], unordered: true }],
  ['!= with a comma list drops all of the values', { given: () => 'property=name!=alpha,charlie', want: ['bravo', 'delta'], unordered: true }],
  ['state==draft lists only drafts', { given: () => 'property=state==draft', want: ['bravo', 'delta'], unordered: true, tag: '@LIST-001' }],
  ['state==enabled lists only published entities', { given: () => 'property=state==enabled', want: ['alpha', 'charlie'], unordered: true }],
  ['two property params are ANDed', { given: () => 'property=name==bravo,charlie&property=state==draft', want: ['bravo'] }],
  ['two property params that exclude each other list nothing', { given: () => 'property=name==alpha&property=state==draft', want: [] }],
  ['> on createdAt keeps the later entities', { given: (s) => `property=createdAt>${s.moment}`, want: ['charlie', 'delta'], unordered: true }],
  ['< on createdAt keeps the earlier entities', { given: (s) => `property=createdAt<${s.moment + 1}`, want: ['alpha', 'bravo'], unordered: true }],
  ['> and < together select a range', { given: (s) => `property=createdAt>${s.moment}&property=createdAt<${Date.now() + 1000}`, want: ['charlie', 'delta'], unordered: true }],
  ['> on a string field compares strings', { given: () => 'property=name>c', want: ['charlie', 'delta'], unordered: true }],
  ['id with a comma list', { given: (s) => `property=id==${s.id.alpha},${s.id.delta}`, want: ['alpha', 'delta'], unordered: true }],
  ['a nested field', { given: () => `property=connectionSpec.id==${AZURE_FILE_STORAGE}`, want: ['alpha', 'bravo', 'charlie', 'delta'], unordered: true }],
  ['a nested field with no match', { given: () => 'property=connectionSpec.id==other', want: [] }],
  ['without orderby, creation order', { given: () => '', want: ['bravo', 'alpha', 'delta', 'charlie'] }],
  ['orderby=name sorts ascending', { given: () => 'orderby=name', want: ['alpha', 'bravo', 'charlie', 'delta'] }],
  ['orderby=-name sorts descending', { given: () => 'orderby=-name', want: ['delta', 'charlie', 'bravo', 'alpha'] }],
  ['orderby=+name, whose "+" decodes to a space, sorts ascending', { given: () => 'orderby=+name', want: ['alpha', 'bravo', 'charlie', 'delta'] }],
  ['orderby=%2Bname sorts ascending', { given: () => 'orderby=%2Bname', want: ['alpha', 'bravo', 'charlie', 'delta'] }],
  ['orderby with a filter sorts what the filter keeps', { given: () => 'property=state==draft&orderby=-name', want: ['delta', 'bravo'] }],
];

for (const [name, { given, want, unordered, tag }] of cases) {
  test(`list filter: ${name}`, tag ? { tag } : {}, async () => {
    const seeded = await seed();
    const query = given(seeded);
    const answer = await seeded.api.get(`/connections${query ? `?${query}` : ''}`);
    expect(answer.status, `GET /connections?${query}: ${answer.text}`).toBe(200);
    const names = (answer.body.items as { name: string }[]).map((item) => item.name);
    if (unordered) expect(names.sort(), query).toEqual([...want].sort());
    else expect(names, query).toEqual(want);
  });
}

const badQueries: [string, { given: string }][] = [
  ['a filter without an operator', { given: 'property=name' }],
  ['a filter with an unknown operator', { given: 'property=name~alpha' }],
  ['a filter without a field', { given: 'property===alpha' }],
  ['an orderby that is only a sign', { given: 'orderby=-' }],
  ['an orderby with characters a field cannot have', { given: 'orderby=name;drop' }],
  ['a count that is not true or false', { given: 'count=yes' }],
];
for (const [name, { given }] of badQueries) {
  test(`a list with ${name} answers 400`, async () => {
    const { api } = await seed();
    const answer = await api.get(`/connections?${given}`);
    expect(answer.status, `GET /connections?${given}: ${answer.text}`).toBe(400);
    expect(answer.body).toHaveProperty('status', 400);
  });
}

// the error catalogue: 1432-400 for a sort order that is not +field or -field, 1433-400 for a field the resource lacks
const badOrders: [string, { given: string; code: string }][] = [
  ['a sort order that is only a sign', { given: 'orderby=-', code: '1432' }],
  ['a sort order with characters a field cannot have', { given: 'orderby=name;drop', code: '1432' }],
  ['a field no connection has', { given: 'orderby=nosuchfield', code: '1433' }],
  ['a descending field no connection has', { given: 'orderby=-nosuchfield', code: '1433' }],
  ['a flow field on connections', { given: 'orderby=sourceConnectionIds', code: '1433' }],
];
for (const [name, { given, code }] of badOrders) {
  test(`a list ordered by ${name} answers 400 with code ${code}`, async () => {
    const { api } = await seed();
    const answer = await api.get(`/connections?${given}`);
    expect(answer.status, `GET /connections?${given}: ${answer.text}`).toBe(400);
    expect(JSON.stringify(answer.body), `GET /connections?${given}`).toContain(code);
  });
}

test('a list ordered by a nested field of the resource (connectionSpec.id) or a service field (createdAt) is sorted', async () => {
  const { api } = await seed();
  for (const given of ['orderby=connectionSpec.id', 'orderby=-createdAt', 'orderby=updatedAt']) {
    const answer = await api.get(`/connections?${given}`);
    expect(answer.status, `GET /connections?${given}: ${answer.text}`).toBe(200);
    expect((answer.body.items as unknown[]).length).toBeGreaterThan(0);
  }
});

test('an array field filter with [] matches flows naming a given source connection', async () => {
  const api = new InProcessClient();
  const first = await chain(api);
  const second = await chain(api);
  const other = await createSource(api, first.base.id);
  const byFirst = await api.get(`/flows?property=sourceConnectionIds[]==${first.source.id}`);
  expect(byFirst.body.items.map((f: { id: string }) => f.id)).toEqual([first.flow.id]);
  const byEither = await api.get(`/flows?property=sourceConnectionIds[]==${first.source.id},${second.source.id}`);
  expect(byEither.body.items).toHaveLength(2);
  const byNone = await api.get(`/flows?property=sourceConnectionIds[]==${other.id}`);
  expect(byNone.body.items).toEqual([]);
});

test('lists of the other kinds filter by baseConnectionId and state', { tag: '@LIST-001' }, async () => {
  const api = new InProcessClient();
  const drafts = await chain(api);
  const published = await chain(api, false);
  const sources = await api.get(`/sourceConnections?property=baseConnectionId==${drafts.base.id}`);
  expect(sources.body.items.map((s: { id: string }) => s.id)).toEqual([drafts.source.id]);
  for (const kind of ['targetConnections', 'flows'] as const) {
    const listed = await api.get(`/${kind}?property=state==draft`);
    const ids = listed.body.items.map((e: { id: string }) => e.id);
    expect(ids, kind).toEqual([kind === 'flows' ? drafts.flow.id : drafts.target.id]);
    expect(ids).not.toContain(kind === 'flows' ? published.flow.id : published.target.id);
  }
});
