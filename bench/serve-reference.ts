// Child process: the reference server on a free 127.0.0.1 port; prints its base URL as the first stdout line.
// Credentials are pinned to the defaults so AEP_* variables in the caller's shell cannot make every request a 401.
// It exits on SIGTERM/SIGINT through process.exit so that `--cpu-prof` gets to write its profile.
//   --seed-entities N   store N draft base connections (with auth) through `service.handle` before printing the URL;
//                       with --count, /__bench/stats lists a sample of their ids
//   --count             count requests and answer /__bench/* (bench/instrument.ts)
//   --record            --count, and record every exchange for the replay floor
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS, type FlowService } from '../server/app.ts';
import { startReferenceServer } from '../server/listen.ts';
import { exitWithParent } from './children.ts';
import { instrumentedListener } from './instrument.ts';
import { baseConnection, create } from './seed.ts';

const { values } = parseArgs({ options: { 'seed-entities': { type: 'string', default: '0' }, count: { type: 'boolean' }, record: { type: 'boolean' } } });
const seedEntities = Number(values['seed-entities']);
const instrumented = Boolean(values.count || values.record);
const ID_SAMPLE = 1000;

/** Fills the store through `service.handle` (the create path, without a socket) and keeps a sample of the ids. */
async function seed(service: FlowService): Promise<string[]> {
  const ids: string[] = [];
  const every = Math.max(1, Math.floor(seedEntities / ID_SAMPLE));
  for (let i = 0; i < seedEntities; i++) {
    const id = await create(service, 'connections', baseConnection(i));
    if (i % every === 0 && ids.length < ID_SAMPLE) ids.push(id);
  }
  return ids;
}

let close: () => Promise<void>;
let url: string;
if (!instrumented) {
  // nobody knows the port before the URL is printed, so seeding after listen is seeding before traffic
  const server = await startReferenceServer({ port: 0, host: '127.0.0.1', credentials: DEFAULT_CREDENTIALS });
  await seed(server.service);
  ({ url } = server);
  close = () => server.close();
} else {
  // The same server as startReferenceServer, its listener wrapped.
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  const ids = await seed(service);
  const server = createServer({ keepAliveTimeout: 5000 }, instrumentedListener(service, { record: Boolean(values.record), ids }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`;
  close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
const stop = () => void close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
exitWithParent(stop);
console.log(url);
