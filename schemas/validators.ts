// Validates request and response bodies against generators/generated/operation-schemas.json, with the validators
// generators/validators.ts precompiled from it (generators/generated/validators.js): a worker loads them instead of
// compiling the schemas it uses, about 230 ms each. Schemas that arrive at run time (a target's authSpec, oneOf
// branches) compile with createAjv(), the same configuration, so both judge a body alike.
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { VALIDATORS } from '../generators/generated/validators.js';
import type { OperationSchemas } from './operation-schemas.ts';

export { createAjv } from './ajv.ts';

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

const SCHEMAS_URL = new URL('../generators/generated/operation-schemas.json', import.meta.url);

let operations: Record<string, OperationSchemas> | undefined;
const schemaKeys = new Map<string, string | undefined>();

/** The generated operation schemas, read once. */
export function operationSchemas(): Record<string, OperationSchemas> {
  if (!operations) {
    const file = JSON.parse(readFileSync(SCHEMAS_URL, 'utf8')) as { operations: Record<string, OperationSchemas> };
    operations = file.operations;
  }
  return operations;
}

/**
 * Forgets the cached operation-schemas.json (for tests that rewrite it). The precompiled validators are a module and
 * stay as loaded: a test that regenerates them runs its checks in a fresh process.
 */
export function resetValidators(): void {
  operations = undefined;
  schemaKeys.clear();
}

function operation(operationId: string): OperationSchemas {
  const op = operationSchemas()[operationId];
  // An unknown id is a bug in the kit, not in the target: throw rather than report a validation failure.
  if (!op) throw new Error(`unknown operationId ${operationId} (not in generators/generated/operation-schemas.json)`);
  return op;
}

function validatorFor(key: string): ValidateFunction {
  const fn = VALIDATORS[key];
  // a schema without its validator: the generated files disagree, which npm run generate:check reports
  if (!fn) throw new Error(`no precompiled validator for ${key} in generators/generated/validators.js (run npm run generate)`);
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
  const fn = validatorFor(key);
  const valid = fn(body);
  return { valid, errors: valid ? [] : formatErrors(fn.errors) };
}

/**
 * The response schema that governs a status: the exact code, else its class ("2XX", any case), else "default".
 * Undefined when the document gives no JSON schema for it.
 */
export function responseSchemaKey(operationId: string, status: number | string): string | undefined {
  // every answer of a run is looked up here, a few thousand times the same few pairs
  const memo = `${operationId} ${status}`;
  if (schemaKeys.has(memo)) return schemaKeys.get(memo);
  const responses = operation(operationId).responses;
  const code = String(status);
  const classKey = Object.keys(responses).find((key) => key.toUpperCase() === `${code[0]}XX`);
  const key = [code, classKey, 'default'].find((candidate) => candidate !== undefined && candidate in responses);
  schemaKeys.set(memo, key);
  return key;
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
