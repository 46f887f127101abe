// The connection specs and flow specs the reference server serves. Ids and shapes follow the draft tutorial
// (Azure File Storage, Data Lake target, CloudStorageToAEP); the specs without draft support exist so that the
// gating requirements (GATE-001, GATE-002) can be exercised. Trimmed to the fields the lifecycle uses.

export type JsonSchema = Record<string, unknown>;

export interface ConnectionSpec {
  id: string;
  name: string;
  providerId: string;
  version: string;
  authSpec: { name: string; type: string; spec: JsonSchema }[];
  sourceSpec?: Record<string, unknown>;
  targetSpec?: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export interface FlowSpec {
  id: string;
  name: string;
  providerId: string;
  version: string;
  sourceConnectionSpecIds: string[];
  targetConnectionSpecIds: string[];
  attributes: Record<string, unknown>;
}

const PROVIDER = '0ed90a81-07f4-4586-8190-b40eccef1c5a';
const DRAFT07 = 'http://json-schema.org/draft-07/schema#';

export const AZURE_FILE_STORAGE = 'be5ec48c-5b78-49d5-b8fa-7c89ec4569b8';
export const AMAZON_S3 = 'ecadc60c-7455-4d87-84dc-2a0e293d997b';
export const GOOGLE_CLOUD_STORAGE = '32e8f412-cdf7-464c-9885-78184cb113fd';
export const DATA_LAKE = 'c604ff05-7f1a-43c0-8e18-33bf874cb11c';
export const CLOUD_STORAGE_TO_AEP = '9753525b-82c7-4dce-8a9b-5ccfce2b9876';
export const CRM_TO_AEP = '14518937-270c-4525-bdec-c2ba7cce3860';

const cloudStorageSourceSpec = {
  name: 'CloudStorage',
  type: 'CloudStorage',
  spec: {
    $schema: DRAFT07,
    type: 'object',
    properties: { path: { type: 'string' }, recursive: { type: 'boolean' } },
    required: ['path'],
  },
};

export const CONNECTION_SPECS: ConnectionSpec[] = [
  {
    id: AZURE_FILE_STORAGE,
    name: 'azure-file-storage',
    providerId: PROVIDER,
    version: '1.0',
    authSpec: [
      {
        name: 'Basic Authentication',
        type: 'basicAuthentication',
        spec: {
          $schema: DRAFT07,
          type: 'object',
          description: 'defines auth params',
          properties: {
            host: { type: 'string', description: 'The Azure File Storage endpoint.' },
            userid: { type: 'string', description: 'The user that reads the share.' },
            password: { type: 'string', description: 'The storage access key.', format: 'password' },
          },
          required: ['host', 'userid', 'password'],
        },
      },
    ],
    sourceSpec: cloudStorageSourceSpec,
    attributes: { category: 'Cloud Storage', connectorName: 'Azure File Storage', isSource: true, isDraftModeSupported: true },
  },
  {
    id: AMAZON_S3,
    name: 'amazon-s3',
    providerId: PROVIDER,
    version: '1.0',
    authSpec: [
      {
        name: 'Access Key',
        type: 'Access Key',
        spec: {
          $schema: DRAFT07,
          type: 'object',
          properties: {
            s3AccessKey: { type: 'string', description: 'Access key id.' },
            s3SecretKey: { type: 'string', description: 'Secret access key.', format: 'password' },
          },
          required: ['s3AccessKey', 's3SecretKey'],
        },
      },
    ],
    sourceSpec: cloudStorageSourceSpec,
    attributes: { category: 'Cloud Storage', connectorName: 'Amazon S3', isSource: true, isDraftModeSupported: false },
  },
  {
    id: GOOGLE_CLOUD_STORAGE,
    name: 'google-cloud-storage',
    providerId: PROVIDER,
    version: '1.0',
    authSpec: [
      {
        name: 'Basic Authentication for Google Cloud Storage',
        type: 'basicAuthentication',
        spec: {
          $schema: DRAFT07,
          type: 'object',
          properties: {
            accessKeyId: { type: 'string' },
            secretAccessKey: { type: 'string', format: 'password' },
          },
          required: ['accessKeyId', 'secretAccessKey'],
        },
      },
    ],
    sourceSpec: cloudStorageSourceSpec,
    // no isDraftModeSupported at all: "not true" means no drafts
    attributes: { category: 'Cloud Storage', connectorName: 'Google Cloud Storage', isSource: true },
  },
  {
    id: DATA_LAKE,
    name: 'Data Lake',
    providerId: PROVIDER,
    version: '1.0',
    authSpec: [],
    targetSpec: {
      name: 'Data Lake',
      type: 'DataSet',
      spec: {
        $schema: DRAFT07,
        type: 'object',
        properties: { dataSetId: { type: 'string' } },
        required: ['dataSetId'],
      },
    },
    attributes: { category: 'Data Lake', isSource: false, isDraftModeSupported: true },
  },
];

export const FLOW_SPECS: FlowSpec[] = [
  {
    id: CLOUD_STORAGE_TO_AEP,
    name: 'CloudStorageToAEP',
    providerId: PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: [AZURE_FILE_STORAGE, AMAZON_S3, GOOGLE_CLOUD_STORAGE],
    targetConnectionSpecIds: [DATA_LAKE],
    attributes: { isSourceFlow: true, flacValidationSupported: true, isDraftModeSupported: true, frequency: 'batch' },
  },
  {
    id: CRM_TO_AEP,
    name: 'CRMToAEP',
    providerId: PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: [],
    targetConnectionSpecIds: [DATA_LAKE],
    attributes: { isSourceFlow: true, isDraftModeSupported: false, frequency: 'batch' },
  },
];

export const connectionSpecById = new Map(CONNECTION_SPECS.map((s) => [s.id, s]));
export const flowSpecById = new Map(FLOW_SPECS.map((s) => [s.id, s]));
