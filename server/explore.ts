// Explore and test, for mock users: GET /connections/{id}/explore, GET /connectionSpecs/{id}/explore and
// GET /connections/{id}/test. Answers are canned and deterministic, chosen by the spec's exploreSpec.type: a fixed
// folder tree with two small files for `FileSystem` specs, two fixed tables for `Tabular` ones. Shapes and parameters:
// EN sources/tutorials/api/explore/cloud-storage.md, explore/crm.md (tables), create/cloud-storage/data-landing-zone.md
// (the spec-level explore, preview, determineProperties) and the OAS (`/test` → {result}); DECISIONS.md rows 32-34.
import { connectionSpecById, type ConnectionSpec } from './catalog.ts';
import { DATA_LANDING_ZONE } from './catalog-tutorials.ts';
import type { Caller, Reply } from './caller.ts';
import { ApiError } from './errors.ts';
import { incompleteness } from './rules/completeness.ts';
import type { JsonObject } from './store.ts';

type Row = Record<string, string>;
interface FileItem { type: 'file'; name: string; path: string; canPreview: true; canFetchSchema: true }
interface FolderItem { type: 'folder'; name: string; path: string; canPreview: false; canFetchSchema: false }
interface Dataset { fileType?: 'delimited' | 'json'; rows: Row[] }

const ACCOUNTS: Row[] = [
  { Id: '12345', FirstName: 'Richard', LastName: 'Hendricks', Email: 'richard@example.com' },
  { Id: '12346', FirstName: 'Monica', LastName: 'Hall', Email: 'monica@example.com' },
  { Id: '12347', FirstName: 'Dinesh', LastName: 'Chugtai', Email: 'dinesh@example.com' },
];
const EVENTS: Row[] = [
  { eventId: 'e-1', eventType: 'web.pageView', timestamp: '2020-08-05T19:34:18Z' },
  { eventId: 'e-2', eventType: 'commerce.purchase', timestamp: '2020-08-05T19:35:02Z' },
];
const TABLES: Record<string, Row[]> = {
  'public.customers': [
    { first_name: 'Richard', last_name: 'Hendricks', email: 'richard@example.com' },
    { first_name: 'Monica', last_name: 'Hall', email: 'monica@example.com' },
  ],
  'public.orders': [{ order_id: '1001', customer_email: 'richard@example.com', total: '42.50' }],
};

const FOLDER = 'test-connectors';
const SUBFOLDER = `${FOLDER}/testFolder-fileIngestion`;

/** The documented paths: `/test-connectors/…` for cloud storage, `dlz-user-container/…` (no leading slash) for the DLZ. */
function prefixOf(spec: ConnectionSpec): string {
  return spec.id === DATA_LANDING_ZONE ? 'dlz-user-container/' : '/';
}

const folder = (path: string): FolderItem => ({ type: 'folder', name: path.split('/').filter(Boolean).pop()!, path, canPreview: false, canFetchSchema: false });
const file = (path: string): FileItem => ({ type: 'file', name: path.split('/').pop()!, path, canPreview: true, canFetchSchema: true });

function tree(spec: ConnectionSpec): { folders: Map<string, (FileItem | FolderItem)[]>; files: Map<string, Dataset> } {
  const p = prefixOf(spec);
  const folders = new Map<string, (FileItem | FolderItem)[]>([
    ['', [folder(p + FOLDER), file(`${p}account.csv`)]],
    [p + FOLDER, [folder(p + SUBFOLDER)]],
    [p + SUBFOLDER, [file(`${p}${SUBFOLDER}/account.csv`), file(`${p}${SUBFOLDER}/events.json`)]],
  ]);
  const files = new Map<string, Dataset>([
    [`${p}account.csv`, { fileType: 'delimited', rows: ACCOUNTS }],
    [`${p}${SUBFOLDER}/account.csv`, { fileType: 'delimited', rows: ACCOUNTS }],
    [`${p}${SUBFOLDER}/events.json`, { fileType: 'json', rows: EVENTS }],
  ]);
  return { folders, files };
}

/** A folder named with or without its trailing slash is the same folder. */
const normalise = (path: string) => path.replace(/\/+$/, '');

const FILE_TYPES = new Set(['delimited', 'json', 'parquet']);
// OAS enum ROOT, TABLE, FILE, FOLDER, REST; the docs send lower case: either is accepted
const OBJECT_TYPES = new Set(['root', 'folder', 'file', 'table', 'rest']);

function columnsOf(rows: Row[]): string[] {
  return Object.keys(rows[0] ?? {});
}

function required(params: URLSearchParams, name: string, objectType: string): string {
  const value = params.get(name);
  if (!value) throw new ApiError('bad-request', `objectType=${objectType} needs the ${name} query parameter.`);
  return value;
}

function exploreFileSystem(spec: ConnectionSpec, objectType: string, params: URLSearchParams): unknown {
  const { folders, files } = tree(spec);
  if (objectType === 'root') return folders.get('');
  if (objectType === 'folder') {
    const path = required(params, 'object', objectType);
    const listing = folders.get(normalise(path));
    if (!listing) throw new ApiError('not-found', `The folder ${path} is not found.`);
    return listing;
  }
  const path = required(params, 'object', objectType);
  const dataset = files.get(path);
  if (!dataset) throw new ApiError('not-found', `The file ${path} is not found.`);
  const determine = params.get('determineProperties')?.toLowerCase() === 'true';
  const fileType = params.get('fileType')?.toLowerCase();
  // data-landing-zone.md: determineProperties replaces the file parameters; with both, or with neither, an error
  if (determine === (fileType !== undefined)) {
    throw new ApiError('bad-request', 'Give either fileType (with its file parameters) or determineProperties=true, not both and not neither.');
  }
  if (fileType !== undefined && !FILE_TYPES.has(fileType)) throw new ApiError('bad-request', `Unsupported fileType '${params.get('fileType')}'; use delimited, json or parquet.`);
  if (fileType !== undefined && fileType !== dataset.fileType) throw new ApiError('bad-request', `The file ${path} cannot be read as ${fileType}.`);
  const columns = columnsOf(dataset.rows);
  // cloud-storage.md answers a file's structure as a flat array of {name, type}; the preview (data-landing-zone.md)
  // answers {format, schema, data}
  if (params.get('preview')?.toLowerCase() !== 'true') return columns.map((name) => ({ name, type: 'String' }));
  const answer: Record<string, unknown> = {
    format: 'flat',
    schema: { columns: columns.map((name) => ({ name, type: 'string', xdm: { type: 'string' } })) },
    data: dataset.rows,
  };
  if (determine) answer.properties = dataset.fileType === 'delimited' ? { fileType: 'delimited', columnDelimiter: ',' } : { fileType: dataset.fileType };
  return answer;
}

function exploreTabular(objectType: string, params: URLSearchParams): unknown {
  if (objectType === 'root') {
    return Object.keys(TABLES).map((path) => ({ type: 'table', name: path.split('.').pop(), path, canPreview: true, canFetchSchema: true }));
  }
  const path = required(params, 'object', objectType);
  const rows = TABLES[path];
  if (!rows) throw new ApiError('not-found', `The table ${path} is not found.`);
  // explore/crm.md: {format: "flat", schema: {columns: [{name, type, meta: {originalType}}]}}; filter.md's preview of a
  // table shows each column's `xdm: {type}` too; a preview adds data, narrowed by filter.md's `filters`
  const answer: Record<string, unknown> = {
    format: 'flat',
    schema: { columns: columnsOf(rows).map((name) => ({ name, type: 'string', xdm: { type: 'string' }, meta: { originalType: 'String' } })) },
  };
  if (params.get('preview')?.toLowerCase() === 'true') answer.data = filtered(rows, params.get('filters'));
  return answer;
}

/**
 * filter.md: `filters` is a base64-encoded PQL filter (`{"type": "PQL", "format": "pql/json", "value": {…}}`), the one
 * documented form `fnApply "="` of a `fieldLookup` and a `literal`. Without a `value` (the doc's own example encodes
 * only `{"type": "PQL"}`) nothing is narrowed; anything else is refused rather than ignored.
 */
function filtered(rows: Row[], encoded: string | null): Row[] {
  if (encoded === null) return rows;
  let filter: { type?: unknown; value?: { nodeType?: unknown; fnName?: unknown; params?: { nodeType?: unknown; fieldName?: unknown; value?: unknown }[] } };
  try {
    filter = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as typeof filter;
  } catch {
    throw new ApiError('bad-request', 'filters must be a base64-encoded PQL filter.');
  }
  if (!filter || typeof filter !== 'object' || filter.type !== 'PQL') throw new ApiError('bad-request', 'filters must be a PQL filter ({"type": "PQL", …}).');
  if (filter.value === undefined) return rows;
  const [field, literal] = filter.value.params ?? [];
  const simple = filter.value.nodeType === 'fnApply' && filter.value.fnName === '=' && field?.nodeType === 'fieldLookup' && typeof field.fieldName === 'string' && literal?.nodeType === 'literal';
  if (!simple) throw new ApiError('bad-request', 'Only the documented PQL filter form is supported: fnApply "=" of a fieldLookup and a literal.');
  const name = String(field.fieldName).toLowerCase();
  return rows.filter((row) => Object.entries(row).some(([key, value]) => key.toLowerCase() === name && String(value) === String(literal.value)));
}

function explore(spec: ConnectionSpec, params: URLSearchParams): Reply {
  const kind = spec.exploreSpec?.type;
  if (!kind) throw new ApiError('bad-request', `The connection spec ${spec.id} (${spec.name}) cannot be explored.`);
  // OAS: objectType is optional; without it, the root
  const objectType = (params.get('objectType') ?? 'root').toLowerCase();
  if (!OBJECT_TYPES.has(objectType)) throw new ApiError('bad-request', `Unsupported objectType '${params.get('objectType')}'; use root, folder, file or table.`);
  const fits = objectType === 'root' || (kind === 'FileSystem' ? objectType === 'folder' || objectType === 'file' : objectType === 'table');
  if (!fits) throw new ApiError('bad-request', `objectType=${objectType} does not apply to ${spec.name}, whose explore spec is ${kind}.`);
  const body = kind === 'FileSystem' ? exploreFileSystem(spec, objectType, params) : exploreTabular(objectType, params);
  return { status: 200, body };
}

function connectionOf(caller: Caller, id: string): { doc: JsonObject; spec?: ConnectionSpec } {
  const entity = caller.scope.get('connections', id);
  if (!entity) throw new ApiError('not-found', `The requested connections resource ${id} is not found. Verify the resource ID before trying again.`);
  const specId = (entity.doc.connectionSpec as JsonObject | undefined)?.id;
  return { doc: entity.doc, spec: typeof specId === 'string' ? connectionSpecById.get(specId) : undefined };
}

export function exploreConnection(caller: Caller, id: string, params: URLSearchParams): Reply {
  const { spec } = connectionOf(caller, id);
  if (!spec) throw new ApiError('bad-request', `The connection ${id} names no connection spec this server knows.`);
  return explore(spec, params);
}

export function exploreConnectionSpec(id: string, params: URLSearchParams): Reply {
  const spec = connectionSpecById.get(id);
  if (!spec) throw new ApiError('not-found', `The connectionSpecs resource ${id} is not found.`);
  return explore(spec, params);
}

/** OAS TestConnectionResponse: `true` when the base connection is valid, here: its auth params meet its authSpec. */
export function testConnection(caller: Caller, id: string): Reply {
  const { doc } = connectionOf(caller, id);
  return { status: 200, body: { result: incompleteness('connections', doc) === undefined } };
}
