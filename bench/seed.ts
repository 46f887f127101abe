// Entity bodies and a direct create through `service.handle` (no socket), shared by the memory probe and the seeded
// reference children of the growth bench. Every entity gets its own strings (names, hosts, secrets), as real ones
// would; identical literals would be shared by the heap and flatter the memory figures.
import { BASE_PATH, DEFAULT_CREDENTIALS, type FlowService } from '../server/app.ts';
import { AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP } from '../server/catalog.ts';

/** What every bench request to a reference server carries; JSON_HEADERS for the ones with a body. */
export const HEADERS: Record<string, string> = {
  authorization: `Bearer ${DEFAULT_CREDENTIALS.accessToken}`,
  'x-api-key': DEFAULT_CREDENTIALS.apiKey,
  'x-gw-ims-org-id': DEFAULT_CREDENTIALS.orgId,
  'x-sandbox-name': 'prod',
};
export const JSON_HEADERS: Record<string, string> = { ...HEADERS, 'content-type': 'application/json' };

export async function create(service: FlowService, kind: string, body: unknown): Promise<string> {
  const answer = await service.handle({ method: 'POST', url: `${BASE_PATH}/${kind}?mode=draft`, headers: JSON_HEADERS, body: JSON.stringify(body) });
  if (answer.status !== 201) throw new Error(`create ${kind}: ${answer.status} ${answer.body}`);
  return (JSON.parse(answer.body) as { id: string }).id;
}

export const baseConnection = (i: number) => ({
  name: `ACME Azure File Storage Base Connection ${i}`,
  description: `Azure File Storage base connection for ACME data (DRAFT) #${i}`,
  auth: { specName: 'Basic Authentication', params: { host: `acme${i}.file.core.windows.net`, userid: `acme-${i}`, password: `not-a-real-secret-${i}` } },
  connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
});

/** The draft tutorial's base connection, one body for every create of the server bench (as tests/support/bodies.ts writes it). */
export const tutorialBaseConnection = () => ({
  name: 'ACME Azure File Storage Base Connection',
  description: 'Azure File Storage base connection for ACME data (DRAFT)',
  auth: { specName: 'Basic Authentication', params: { host: 'acme.file.core.windows.net', userid: 'acme', password: 'not-a-real-secret' } },
  connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
});

export const flow = (i: number, source: string, target: string) => ({
  name: `ACME Azure File Storage Dataflow ${i}`,
  description: `Azure File Storage dataflow for ACME data (DRAFT) #${i}`,
  sourceConnectionIds: [source],
  targetConnectionIds: [target],
  flowSpec: { id: CLOUD_STORAGE_TO_AEP, version: '1.0' },
});
