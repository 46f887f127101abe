// Validates request and response bodies against generators/generated/operation-schemas.json.
// The file is read and each schema compiled on first use, then cached: suites that touch a few operations do not
// pay for compiling all of them, and a test that regenerates the file can call resetValidators().
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { OperationSchemas } from './operation-schemas.ts';

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

const SCHEMAS_URL = new URL('../generators/generated/operation-schemas.json', import.meta.url);

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object's type.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;

/** The Ajv configuration every part of the kit uses, so a schema that compiles in a test compiles at run time. */
export function createAjv(options: { strict?: boolean } = {}): Ajv {
  // strict: false tolerates keywords the spec may carry that draft-07 lacks; allErrors gives a full report per body.
  const ajv = new Ajv({ strict: options.strict ?? false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

let operations: Record<string, OperationSchemas> | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The generated operation schemas, read once. */
export function operationSchemas(): Record<string, OperationSchemas> {
  if (!operations) {
    const file = JSON.parse(readFileSync(SCHEMAS_URL, 'utf8')) as { operations: Record<string, OperationSchemas> };
    operations = file.operations;
  }
  return operations;
}

/** Forgets the cached file and compiled schemas (for tests that regenerate). */
export function resetValidators(): void {
  operations = undefined;
  ajv = undefined;
  compiled.clear();
}

function operation(operationId: string): OperationSchemas {
  const op = operationSchemas()[operationId];
  // An unknown id is a bug in the kit, not in the target: throw rather than report a validation failure.
  if (!op) throw new Error(`unknown operationId ${operationId} (not in generators/generated/operation-schemas.json)`);
  return op;
}

function validatorFor(key: string, schema: object): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    ajv ??= createAjv();
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

/** One line per Ajv error: where in the body, then what is wrong, with the offending key when Ajv knows it. */
export function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const params = error.params as Record<string, unknown>;
    const extra =
      typeof params.additionalProperty === 'string' ? ` '${params.additionalProperty}'`
      : Array.isArray(params.allowedValues) ? ` ${JSON.stringify(params.allowedValues)}`
      : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
}

function run(key: string, schema: object | undefined, body: unknown): ValidationResult {
  if (!schema) return { valid: true, errors: [] };
  const fn = validatorFor(key, schema);
  const valid = fn(body);
  return { valid, errors: valid ? [] : formatErrors(fn.errors) };
}

/**
 * The response schema that governs a status: the exact code, else its class ("2XX", any case), else "default".
 * Undefined when the document gives no JSON schema for it.
 */
export function responseSchemaKey(operationId: string, status: number | string): string | undefined {
  const responses = operation(operationId).responses;
  const code = String(status);
  const classKey = Object.keys(responses).find((key) => key.toUpperCase() === `${code[0]}XX`);
  return [code, classKey, 'default'].find((key) => key !== undefined && key in responses);
}

/** Checks a response body against the operation's schema for that status; statuses without a schema are valid. */
export function validateResponse(operationId: string, status: number | string, body: unknown): ValidationResult {
  const key = responseSchemaKey(operationId, status);
  const schema = key === undefined ? undefined : operation(operationId).responses[key];
  return run(`${operationId} ${key}`, schema, body);
}

/** Checks a request body against the operation's request schema; operations without one accept anything. */
export function validateRequest(operationId: string, body: unknown): ValidationResult {
  return run(`${operationId} request`, operation(operationId).request, body);
}
