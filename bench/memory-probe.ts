// Child process, run with --expose-gc: how much heap 10,000 stored entities hold in the reference server. Entities are
// created through `service.handle` with JSON text bodies, so they take the same path (JSON.parse, validation, the
// store) as over HTTP, without a socket's buffers muddying the heap figures. Prints one JSON line.
import { createFlowService, DEFAULT_CREDENTIALS } from '../server/app.ts';
import { AZURE_FILE_STORAGE, DATA_LAKE } from '../server/catalog.ts';
import { baseConnection, create, flow } from './seed.ts';

const ENTITIES = 10_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
// Setup outside the measured window: the parents the flows name, and one create of each kind so lazily compiled
// validators and code are in the baseline rather than charged to the entities.
const base = await create(service, 'connections', baseConnection(-1));
const sources: string[] = [];
const targets: string[] = [];
for (let i = 0; i < 20; i++) {
  sources.push(await create(service, 'sourceConnections', {
    name: `source ${i}`, baseConnectionId: base, data: { format: 'delimited' }, params: { path: `/acme/${i}.csv`, type: 'file' },
    connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
  }));
  targets.push(await create(service, 'targetConnections', {
    name: `target ${i}`, data: { schema: { id: `https://ns.adobe.com/acme/schemas/${i}`, version: 'application/vnd.adobe.xed-full+json;version=1' } },
    params: { dataSetId: `5f3c3cedb2805c194ff0b6${String(i).padStart(2, '0')}` }, connectionSpec: { id: DATA_LAKE, version: '1.0' },
  }));
}
await create(service, 'flows', flow(-1, sources[0]!, targets[0]!));
const setupEntities = service.store.size;

gc();
gc();
const baseline = process.memoryUsage();
const connections = ENTITIES / 2;
for (let i = 0; i < connections; i++) await create(service, 'connections', baseConnection(i));
for (let i = 0; i < ENTITIES - connections; i++) await create(service, 'flows', flow(i, sources[i % 20]!, targets[i % 20]!));
const beforeGc = process.memoryUsage();
gc();
gc();
const afterGc = process.memoryUsage();

const created = service.store.size - setupEntities;
if (created !== ENTITIES) throw new Error(`expected ${ENTITIES} new entities, the store holds ${created}`);
const grown = afterGc.heapUsed - baseline.heapUsed;
console.log(JSON.stringify({
  entities: ENTITIES,
  mix: { draftBaseConnectionsWithAuth: connections, draftFlows: ENTITIES - connections, setupEntitiesExcluded: setupEntities },
  heapUsedBaselineBytes: baseline.heapUsed,
  heapUsedBeforeGcBytes: beforeGc.heapUsed,
  heapUsedAfterGcBytes: afterGc.heapUsed,
  retainedBytes: grown,
  bytesPerEntity: Math.round(grown / ENTITIES),
  retainedMB: grown / 1e6,
  rssGrowthMB: (afterGc.rss - baseline.rss) / 1e6,
}));
