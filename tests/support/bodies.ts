// Valid create bodies for the reference server's draft-capable specs, as the draft tutorial writes them.
import { AZURE_FILE_STORAGE, CLOUD_STORAGE_TO_AEP, DATA_LAKE } from '../../server/catalog.ts';

export const completeAuth = { host: 'acme.file.core.windows.net', userid: 'acme', password: 'not-a-real-secret' };

export function baseConnectionBody(params: Record<string, string> = completeAuth) {
  return {
    name: 'ACME Azure File Storage Base Connection',
    description: 'Azure File Storage base connection for ACME data (DRAFT)',
    auth: { specName: 'Basic Authentication', params },
    connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
  };
}

export function sourceConnectionBody(baseConnectionId: string) {
  return {
    name: 'ACME Azure File Storage Source Connection',
    description: 'Azure File Storage source connection for ACME data (DRAFT)',
    baseConnectionId,
    data: { format: 'delimited' },
    params: { path: '/acme/summerCampaign/account.csv', type: 'file' },
    connectionSpec: { id: AZURE_FILE_STORAGE, version: '1.0' },
  };
}

export function targetConnectionBody() {
  return {
    name: 'ACME Azure File Storage Target Connection',
    description: 'Azure File Storage target connection ACME data (DRAFT)',
    data: { schema: { id: 'https://ns.adobe.com/acme/schemas/1', version: 'application/vnd.adobe.xed-full+json;version=1' } },
    params: { dataSetId: '5f3c3cedb2805c194ff0b69a' },
    connectionSpec: { id: DATA_LAKE, version: '1.0' },
  };
}

export function flowBody(sourceConnectionIds: string[], targetConnectionIds: string[]) {
  return {
    name: 'ACME Azure File Storage Dataflow',
    description: 'Azure File Storage dataflow for ACME data (DRAFT)',
    sourceConnectionIds,
    targetConnectionIds,
    flowSpec: { id: CLOUD_STORAGE_TO_AEP, version: '1.0' },
  };
}
