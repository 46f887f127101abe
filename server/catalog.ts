// The connection specs and flow specs the reference server serves. Ids and shapes follow the draft tutorial
// (Azure File Storage, Data Lake target, CloudStorageToAEP); the specs without draft support exist so that the
// gating requirements (GATE-001, GATE-002) can be exercised. Each connection spec carries `exploreSpec`,
// `permissionsInfo` and `attributes.uiAttributes` (OAS ConnectionSpecItemDTO), each flow spec `permissionsInfo`,
// `optionSpec`, `transformationSpecs` and `scheduleSpec` (the CloudStorageToAEP answer of EN collect/cloud-storage.md).
// The order of the lists matters to clients that take the first spec without drafts: the tutorial specs come last.
import {
  DRAFT07, FILE_SYSTEM_EXPLORE, OPTION_SPEC, SCHEDULE_SPEC, SOURCE_PERMISSIONS, TRANSFORMATION_SPECS, uiAttributes, type ExploreSpec,
} from './catalog-parts.ts';
import {
  ADLS_GEN2, AZURE_BLOB, DATA_LANDING_ZONE, FTP, HDFS, MYSQL, ORACLE_OBJECT_STORAGE, POSTGRESQL, PROVIDER, SFTP, TUTORIAL_CONNECTION_SPECS,
} from './catalog-tutorials.ts';

export type JsonSchema = Record<string, unknown>;

export interface ConnectionSpec {
  id: string;
  name: string;
  providerId: string;
  version: string;
  authSpec: { name: string; type: string; spec: JsonSchema }[];
  sourceSpec?: Record<string, unknown>;
  targetSpec?: Record<string, unknown>;
  /** Absent where the spec cannot be explored (the Data Lake target). */
  exploreSpec?: ExploreSpec;
  permissionsInfo: Record<string, unknown>;
  attributes: Record<string, unknown>;
}

export interface FlowSpec {
  id: string;
  name: string;
  providerId: string;
  version: string;
  sourceConnectionSpecIds: string[];
  targetConnectionSpecIds: string[];
  permissionsInfo: Record<string, unknown>;
  optionSpec?: Record<string, unknown>;
  transformationSpecs: Record<string, unknown>[];
  scheduleSpec?: Record<string, unknown>;
  attributes: Record<string, unknown>;
}


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
    exploreSpec: FILE_SYSTEM_EXPLORE,
    permissionsInfo: SOURCE_PERMISSIONS,
    attributes: {
      category: 'Cloud Storage', connectorName: 'Azure File Storage', isSource: true, isDraftModeSupported: true,
      uiAttributes: uiAttributes('cloudStorage', 'azure-file-storage'),
    },
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
    exploreSpec: FILE_SYSTEM_EXPLORE,
    permissionsInfo: SOURCE_PERMISSIONS,
    attributes: {
      category: 'Cloud Storage', connectorName: 'Amazon S3', isSource: true, isDraftModeSupported: false,
      uiAttributes: uiAttributes('cloudStorage', 'amazon-s3'),
    },
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
    exploreSpec: FILE_SYSTEM_EXPLORE,
    permissionsInfo: SOURCE_PERMISSIONS,
    // no isDraftModeSupported at all: "not true" means no drafts
    attributes: { category: 'Cloud Storage', connectorName: 'Google Cloud Storage', isSource: true, uiAttributes: uiAttributes('cloudStorage', 'google-cloud-storage') },
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
    permissionsInfo: SOURCE_PERMISSIONS,
    attributes: { category: 'Data Lake', isSource: false, isDraftModeSupported: true, uiAttributes: { apiFeatures: { explorePaginationSupported: false } } },
  },
  ...TUTORIAL_CONNECTION_SPECS,
];

/**
 * CloudStorageToAEP's sources in the docs' order (collect/cloud-storage.md; the OAS example lists the first eleven).
 * Two of them (b7829c2f-…, 998b8ae3-…) are named by no tutorial, so they are listed here and not served.
 */
export const CLOUD_STORAGE_SOURCE_SPEC_IDS = [
  ADLS_GEN2, AMAZON_S3, 'b7829c2f-2eb0-4f49-a6ee-55e33008b629', AZURE_BLOB, FTP, GOOGLE_CLOUD_STORAGE, SFTP,
  '998b8ae3-cec0-43b7-8abe-40b1eb4ee069', AZURE_FILE_STORAGE, HDFS, ORACLE_OBJECT_STORAGE, DATA_LANDING_ZONE,
];

export const FLOW_SPECS: FlowSpec[] = [
  {
    id: CLOUD_STORAGE_TO_AEP,
    name: 'CloudStorageToAEP',
    providerId: PROVIDER,
    version: '1.0',
    sourceConnectionSpecIds: CLOUD_STORAGE_SOURCE_SPEC_IDS,
    targetConnectionSpecIds: [DATA_LAKE],
    permissionsInfo: SOURCE_PERMISSIONS,
    optionSpec: OPTION_SPEC,
    transformationSpecs: TRANSFORMATION_SPECS,
    scheduleSpec: SCHEDULE_SPEC,
    attributes: {
      isSourceFlow: true, flacValidationSupported: true, isDraftModeSupported: true, frequency: 'batch',
      notification: { category: 'sources', flowRun: { enabled: true } },
    },
  },
  {
    id: CRM_TO_AEP,
    name: 'CRMToAEP',
    providerId: PROVIDER,
    version: '1.0',
    // the database tutorials' flow spec (collect/database-nosql.md); of its sources, the two databases served here
    sourceConnectionSpecIds: [MYSQL, POSTGRESQL],
    targetConnectionSpecIds: [DATA_LAKE],
    permissionsInfo: SOURCE_PERMISSIONS,
    optionSpec: OPTION_SPEC,
    transformationSpecs: TRANSFORMATION_SPECS,
    scheduleSpec: SCHEDULE_SPEC,
    attributes: { isSourceFlow: true, isDraftModeSupported: false, frequency: 'batch' },
  },
];

export const connectionSpecById = new Map(CONNECTION_SPECS.map((s) => [s.id, s]));
export const flowSpecById = new Map(FLOW_SPECS.map((s) => [s.id, s]));
