// The connection specs the docs' cloud-storage and database tutorials name, beyond the draft tutorial's own: ids as
// each tutorial states them ("The connection specification ID for S3 is ecadc60c-…", EN
// sources/tutorials/api/create/cloud-storage/*.md and create/databases/*.md). The tutorials document the ids and the
// auth params they send, not the draft flag: these specs say `isDraftModeSupported: false` (DECISIONS.md row 31).
// Appended after the draft tutorial's specs, so the kit's discovery still finds Amazon S3 first as the connection spec
// without drafts.
import type { ConnectionSpec } from './catalog.ts';
import { DRAFT07, FILE_SYSTEM_EXPLORE, SOURCE_PERMISSIONS, TABULAR_EXPLORE, uiAttributes, type ExploreSpec } from './catalog-parts.ts';

export const PROVIDER = '0ed90a81-07f4-4586-8190-b40eccef1c5a';

export const ADLS_GEN2 = 'b3ba5556-48be-44b7-8b85-ff2b69b46dc4';
export const AZURE_BLOB = '4c10e202-c428-4796-9208-5f1f5732b1cf';
export const FTP = 'fb2e94c9-c031-467d-8103-6bd6e0a432f2';
export const SFTP = 'b7bf2577-4520-42c9-bae9-cad01560f7bc';
export const HDFS = '54e221aa-d342-4707-bcff-7a4bceef0001';
export const ORACLE_OBJECT_STORAGE = 'c85f9425-fb21-426c-ad0b-405e9bd8a46c';
export const DATA_LANDING_ZONE = '26f526f2-58f4-4712-961d-e41bf1ccc0e8';
export const MYSQL = '26d738e0-8963-47ea-aadf-c60de735468a';
export const POSTGRESQL = '74a1c565-4e59-48d7-9d67-7c03b8a13137';

interface Tutorial {
  id: string;
  name: string;
  connectorName: string;
  category: 'Cloud Storage' | 'Database';
  /** The auth spec's name and the params the tutorial's create body sends; all of them required, passwords masked. */
  auth?: { name: string; params: string[]; secrets: string[] };
}

function spec(t: Tutorial): ConnectionSpec {
  const cloud = t.category === 'Cloud Storage';
  const explore: ExploreSpec = cloud ? FILE_SYSTEM_EXPLORE : TABULAR_EXPLORE;
  const sourceProperties = cloud ? { path: { type: 'string' }, recursive: { type: 'boolean' } } : { tableName: { type: 'string' } };
  return {
    id: t.id,
    name: t.name,
    providerId: PROVIDER,
    version: '1.0',
    authSpec: t.auth
      ? [{
          name: t.auth.name,
          type: t.auth.name,
          spec: {
            $schema: DRAFT07,
            type: 'object',
            properties: Object.fromEntries(t.auth.params.map((p) => [p, t.auth!.secrets.includes(p) ? { type: 'string', format: 'password' } : { type: 'string' }])),
            required: t.auth.params,
          },
        }]
      : [],
    sourceSpec: {
      name: cloud ? 'CloudStorage' : 'Tabular',
      type: cloud ? 'CloudStorage' : 'Tabular',
      spec: { $schema: DRAFT07, type: 'object', properties: sourceProperties, required: [cloud ? 'path' : 'tableName'] },
    },
    exploreSpec: explore,
    permissionsInfo: SOURCE_PERMISSIONS,
    attributes: {
      category: t.category,
      connectorName: t.connectorName,
      isSource: true,
      isDraftModeSupported: false,
      uiAttributes: uiAttributes(cloud ? 'cloudStorage' : 'database', t.name),
    },
  };
}

const TUTORIALS: Tutorial[] = [
  // create/cloud-storage/adls-gen2.md
  { id: ADLS_GEN2, name: 'adls-gen2', connectorName: 'Azure Data Lake Storage Gen2', category: 'Cloud Storage',
    auth: { name: 'Basic Authentication for Azure Data Lake Storage Gen2', params: ['url', 'servicePrincipalId', 'servicePrincipalKey', 'tenant'], secrets: ['servicePrincipalKey'] } },
  // create/cloud-storage/blob.md
  { id: AZURE_BLOB, name: 'azure-blob', connectorName: 'Azure Blob', category: 'Cloud Storage',
    auth: { name: 'ConnectionString', params: ['connectionString'], secrets: ['connectionString'] } },
  // create/cloud-storage/ftp.md
  { id: FTP, name: 'ftp', connectorName: 'FTP', category: 'Cloud Storage',
    auth: { name: 'Basic Authentication for FTP', params: ['host', 'userName', 'password'], secrets: ['password'] } },
  // create/cloud-storage/sftp.md
  { id: SFTP, name: 'sftp', connectorName: 'SFTP', category: 'Cloud Storage',
    auth: { name: 'Basic Authentication for sftp', params: ['host', 'port', 'userName', 'password'], secrets: ['password'] } },
  // create/cloud-storage/hdfs.md
  { id: HDFS, name: 'hdfs', connectorName: 'HDFS', category: 'Cloud Storage',
    auth: { name: 'Anonymous Authentication', params: ['url'], secrets: [] } },
  // create/cloud-storage/oracle-object-storage.md
  { id: ORACLE_OBJECT_STORAGE, name: 'oracle-object-storage', connectorName: 'Oracle Object Storage', category: 'Cloud Storage',
    auth: { name: 'Basic Authentication for Oracle Object Storage', params: ['serviceUrl', 'accessKey', 'secretKey'], secrets: ['secretKey'] } },
  // create/cloud-storage/data-landing-zone.md: the zone is provisioned, so no credentials are sent
  { id: DATA_LANDING_ZONE, name: 'data-landing-zone', connectorName: 'Data Landing Zone', category: 'Cloud Storage' },
  // create/databases/mysql.md
  { id: MYSQL, name: 'mysql', connectorName: 'MySQL', category: 'Database',
    auth: { name: 'Connection String Based Authentication', params: ['connectionString'], secrets: ['connectionString'] } },
  // create/databases/postgres.md
  { id: POSTGRESQL, name: 'postgresql', connectorName: 'PostgreSQL', category: 'Database',
    auth: { name: 'Connection String Based Authentication', params: ['connectionString'], secrets: ['connectionString'] } },
];

export const TUTORIAL_CONNECTION_SPECS: ConnectionSpec[] = TUTORIALS.map(spec);
