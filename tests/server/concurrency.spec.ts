// Racing writers over a real socket: of many PATCHes carrying the same current If-Match, exactly one wins and the
// rest answer 412, so no update is lost. The `patch-check-then-act-race` fault shows the test can see a lost update.
import { expect, test } from '@playwright/test';
import { DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { startReferenceServer, type RunningServer } from '../../server/listen.ts';
import { baseConnectionBody } from '../support/bodies.ts';
import { PLATFORM_HEADERS } from '../support/in-process.ts';

const WRITERS = 50;

interface Race {
  statuses: number[];
  /** The answers of the writers that got a 200, with the name each wrote. */
  winners: { name: string; etag: string }[];
  final: { name: string; etag: string };
}

async function send(server: RunningServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const answer = await fetch(server.url + path, {
    method,
    headers: { ...PLATFORM_HEADERS, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : undefined };
}

/** Creates a draft, then sends WRITERS renames at once, all with its create etag. */
async function race(server: RunningServer): Promise<Race> {
  const created = await send(server, 'POST', '/connections?mode=draft', baseConnectionBody());
  expect(created.status).toBe(201);
  const { id, etag } = created.body as { id: string; etag: string };
  const names = Array.from({ length: WRITERS }, (_, i) => `writer-${i}`);
  // open the client's connections first, so the PATCHes leave together instead of one per TCP handshake
  await Promise.all(names.map(() => send(server, 'GET', '/connectionSpecs')));
  const answers = await Promise.all(
    names.map((name) => send(server, 'PATCH', `/connections/${id}`, [{ op: 'replace', path: '/name', value: name }], { 'if-match': etag })),
  );
  const winners = answers.flatMap((answer, i) => (answer.status === 200 ? [{ name: names[i]!, etag: answer.body.etag as string }] : []));
  const got = await send(server, 'GET', `/connections/${id}`);
  return { statuses: answers.map((a) => a.status), winners, final: { name: got.body.items[0].name, etag: got.body.items[0].etag } };
}

test.describe('without faults', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS });
  });
  test.afterAll(async () => {
    await server.close();
  });

  test(`of ${WRITERS} racing PATCHes with one If-Match exactly one wins, the rest answer 412, and GET shows the winner`, { tag: '@ETAG-003' }, async () => {
    const { statuses, winners, final } = await race(server);
    expect(statuses.filter((s) => s === 200), `statuses: ${statuses.join(',')}`).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(WRITERS - 1);
    expect(final).toEqual(winners[0]);
  });

  test('racing PATCHes on different entities all win', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, () => send(server, 'POST', '/connections?mode=draft', baseConnectionBody())));
    const answers = await Promise.all(
      created.map((c, i) => send(server, 'PATCH', `/connections/${c.body.id}`, [{ op: 'replace', path: '/name', value: `n${i}` }], { 'if-match': c.body.etag })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });
});

test.describe('with patch-check-then-act-race', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startReferenceServer({ credentials: DEFAULT_CREDENTIALS, faults: ['patch-check-then-act-race'] });
  });
  test.afterAll(async () => {
    await server.close();
  });

  test(`more than one of ${WRITERS} racing PATCHes wins: updates are lost`, { tag: '@ETAG-003' }, async () => {
    const { statuses, winners, final } = await race(server);
    expect(winners.length, `statuses: ${statuses.join(',')}`).toBeGreaterThan(1);
    // every winner was told its write stuck, yet GET shows only one of them
    expect(winners.filter((w) => w.name === final.name)).toHaveLength(1);
  });
});
