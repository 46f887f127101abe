// The parts of a spec that many specs share: explore specs, permissions and the CloudStorageToAEP flow spec's
// option, schedule and transformation specs. Shapes follow the docs' GET /flowSpecs?property=name=="CloudStorageToAEP"
// answer (EN sources/tutorials/api/collect/cloud-storage.md) and the OAS schemas ExploreSpecDTO, PermissionDTO and
// ConnectionSpecItemDTO.attributes.uiAttributes; see DECISIONS.md rows 30-34.
import type { JsonSchema } from './catalog.ts';

export const DRAFT07 = 'http://json-schema.org/draft-07/schema#';

export interface ExploreSpec {
  /** `FileSystem` (folders and files) or `Tabular` (tables): OAS ExploreSpecDTO. */
  name: 'FileSystem' | 'Tabular';
  type: 'FileSystem' | 'Tabular';
  requestSpec: JsonSchema;
  responseSpec: JsonSchema;
}

const ITEM_LISTING: JsonSchema = {
  $schema: DRAFT07,
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['file', 'folder', 'table'] },
      name: { type: 'string' },
      path: { type: 'string' },
      canPreview: { type: 'boolean' },
      canFetchSchema: { type: 'boolean' },
    },
  },
};

const FLAT_SCHEMA: JsonSchema = {
  $schema: DRAFT07,
  type: 'object',
  properties: {
    format: { type: 'string' },
    schema: { type: 'object', properties: { columns: { type: 'array', items: { type: 'object' } } } },
    data: { type: 'array', items: { type: 'object' } },
  },
};

export const FILE_SYSTEM_EXPLORE: ExploreSpec = {
  name: 'FileSystem',
  type: 'FileSystem',
  requestSpec: { $schema: DRAFT07, type: 'object' },
  responseSpec: { root: ITEM_LISTING, folder: ITEM_LISTING, file: FLAT_SCHEMA },
};

export const TABULAR_EXPLORE: ExploreSpec = {
  name: 'Tabular',
  type: 'Tabular',
  requestSpec: { $schema: DRAFT07, type: 'object' },
  responseSpec: { root: ITEM_LISTING, table: FLAT_SCHEMA },
};

/** collect/cloud-storage.md: `permissionsInfo.view` / `.manage`, each a list of low-level permissions. */
export const SOURCE_PERMISSIONS = {
  view: [{ '@type': 'lowLevel', name: 'EnterpriseSource', permissions: ['read'] }],
  manage: [{ '@type': 'lowLevel', name: 'EnterpriseSource', permissions: ['write'] }],
};

/** OAS ConnectionSpecItemDTO: `attributes.uiAttributes.apiFeatures.explorePaginationSupported`. */
export function uiAttributes(category: string, label: string): Record<string, unknown> {
  return {
    apiFeatures: { explorePaginationSupported: false },
    category: { key: category },
    label: { key: label },
  };
}

/** collect/cloud-storage.md, CloudStorageToAEP `optionSpec`. */
export const OPTION_SPEC = {
  name: 'OptionSpec',
  spec: {
    $schema: DRAFT07,
    type: 'object',
    properties: {
      errorDiagnosticsEnabled: {
        title: 'Error diagnostics.',
        description: 'Flag to enable detailed and sample error diagnostics summary.',
        type: 'boolean',
        default: false,
      },
      partialIngestionPercent: {
        title: 'Partial ingestion threshold.',
        description: 'Percentage which defines the threshold of errors allowed before the run is marked as failed.',
        type: 'number',
        exclusiveMinimum: 0,
      },
    },
  },
};

/** collect/cloud-storage.md, CloudStorageToAEP `scheduleSpec`: an interval of at least 15 for minutes, none for once. */
export const SCHEDULE_SPEC = {
  name: 'PeriodicSchedule',
  type: 'Periodic',
  spec: {
    $schema: DRAFT07,
    type: 'object',
    properties: {
      startTime: { description: 'epoch time', type: 'integer' },
      frequency: { type: 'string', enum: ['once', 'minute', 'hour', 'day', 'week'] },
      interval: { type: 'integer' },
      backfill: { type: 'boolean', default: true },
    },
    required: ['startTime', 'frequency'],
    if: { properties: { frequency: { const: 'once' } } },
    then: { allOf: [{ not: { required: ['interval'] } }, { not: { required: ['backfill'] } }] },
    else: {
      required: ['interval'],
      if: { properties: { frequency: { const: 'minute' } } },
      then: { properties: { interval: { minimum: 15 } } },
      else: { properties: { interval: { minimum: 1 } } },
    },
  },
};

/** collect/cloud-storage.md (there spelled `transformationSpec`; OAS FlowSpecItemDTO `transformationSpecs`). */
export const TRANSFORMATION_SPECS = [
  {
    name: 'Mapping',
    spec: {
      $schema: DRAFT07,
      type: 'object',
      description: 'defines various params required for different mapping from source to target',
      properties: { mappingId: { type: 'string' }, mappingVersion: { type: 'string' } },
    },
  },
];
