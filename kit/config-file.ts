// The user's config file, loaded and checked by the CLI before the preflight and before any worker starts: a file
// that does not load, or holds a key of the wrong type or one the kit does not read, is a configuration error (one
// line each, exit 2), never 61 requirements failed on the target. The workers get the checked config, not the file
// (kit/run-settings.ts's configJson); only a bare Playwright run, with no CLI before it, loads the file here itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import type { KitConfig } from './config.ts';
import { isSecretName } from './redact.ts';
import { editDistance } from './edit-distance.ts';

export const CONFIG_SCHEMA_URL = new URL('../specs/config.schema.json', import.meta.url);

/** A configuration error (exit 2). Lines after the first are printed as cli/main.ts prints the first: `flow-conformance: config FILE: …`. */
export class ConfigError extends Error {
  constructor(file: string, problems: string[]) {
    super(problems.map((p, i) => `${i === 0 ? '' : 'flow-conformance: '}config ${file}: ${p}`).join('\n'));
  }
}

/** How messages name the file: as the user would type it from here. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * tsx's ESM hook (bin/flow-conformance.js) loads a .ts file of a `"type": "module"` package; in any other package Node
 * takes a .ts file for CommonJS, which needs tsx's require hook too. Left alone when something (Playwright in a
 * worker) already handles .ts requires.
 */
async function ensureTypeScriptRequire(): Promise<void> {
  if (createRequire(import.meta.url).extensions['.ts']) return;
  const { register } = await import('tsx/cjs/api');
  register();
}

export async function loadConfigFile(path: string, file: string = displayPath(path)): Promise<KitConfig> {
  if (!existsSync(path)) throw new ConfigError(file, ['file not found']);
  await ensureTypeScriptRequire();
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(file, [loadFailure(error)]);
  }
  return checkConfig(defaultExport(loaded, file), file);
}

/** The module's default export; a CommonJS-compiled module hands its ES exports over as `module.exports`. */
function defaultExport(loaded: Record<string, unknown>, file: string): unknown {
  let exports = loaded;
  const inner = loaded.default as Record<string, unknown> | undefined;
  if (inner !== null && typeof inner === 'object' && inner.__esModule === true) exports = inner;
  if (!('default' in exports)) throw new ConfigError(file, ['has no default export (export default { … })']);
  return exports.default;
}

/** One line for what went wrong while loading: a syntax error with its place, or what the file threw. */
export function loadFailure(error: unknown): string {
  if (!(error instanceof Error)) return `threw ${describe(error, [])}`;
  const message = error.message ?? '';
  // esbuild (through tsx): "Transform failed with N error(s):\n<file>:<line>:<column>: ERROR: <text>"
  const esbuild = /^Transform failed with (\d+) errors?:\n[^\n]*?:(\d+):(\d+): ERROR: ([^\n]*)/.exec(message);
  if (esbuild) {
    const more = Number(esbuild[1]) - 1;
    return `SyntaxError at line ${esbuild[2]}, column ${esbuild[3]}: ${hideLiterals(esbuild[4]!)}${more > 0 ? ` (and ${more} more)` : ''}`;
  }
  if (error.name === 'SyntaxError') {
    const place = /:(\d+)(?::(\d+))?\s*$/m.exec(error.stack?.split('\n')[0] ?? '');
    return `SyntaxError${place ? ` at line ${place[1]}` : ''}: ${hideLiterals(firstLine(message))}`;
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return `imports what cannot be found: ${firstLine(message)}`;
  return `threw: ${error.name}: ${firstLine(message)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

/** A parser quoting the token it stumbled on may be quoting a password: string literals are not repeated. */
function hideLiterals(text: string): string {
  return text.replace(/"(\\"|'|`)(?:[^"\\]|\\.)*"/g, 'a string literal');
}

let validate: ReturnType<Ajv['compile']> | undefined;

export function configSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(CONFIG_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
}

/** The config if it matches specs/config.schema.json; else a ConfigError naming each key and what it must be. */
export function checkConfig(value: unknown, file: string): KitConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(file, [`its default export is not an object (got ${describe(value, [])})`]);
  }
  const problems = configProblems(value);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return value as KitConfig;
}

const MAX_LINES = 6;

export function configProblems(value: unknown): string[] {
  validate ??= new Ajv({ allErrors: true, verbose: true }).compile(configSchema());
  if (validate(value)) return [];
  const lines = [...new Set((validate.errors ?? []).map(problemOf))];
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `and ${lines.length - MAX_LINES + 1} more problems`];
}

type Schema = { type?: string; minLength?: number; minimum?: number; properties?: Record<string, Schema>; required?: string[] };

function problemOf(error: ErrorObject): string {
  const at = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const schema = error.parentSchema as Schema;
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = Object.keys(schema.properties ?? {});
    const near = nearest(key, known);
    const hint = near ? `did you mean "${near}"?` : at.length === 0 ? 'not a key the kit reads: see its specs/config.schema.json' : `known: ${known.join(', ')}`;
    return `unknown key "${[...at, key].join('.')}" (${hint})`;
  }
  if (error.keyword === 'required') {
    const key = (error.params as { missingProperty: string }).missingProperty;
    return `${keyPath([...at, key])} is required (${mustBe(schema.properties?.[key] ?? {})})`;
  }
  return `${keyPath(at)} must be ${mustBe(schema)} (got ${describe(error.data, at)})`;
}

function keyPath(segments: string[]): string {
  return segments.map((s, i) => (/^[A-Za-z_$][\w$]*$/.test(s) ? `${i ? '.' : ''}${s}` : `[${JSON.stringify(s)}]`)).join('') || '(the config)';
}

/** What a schema asks for, in words: "an integer ≥ 0", "an object { specName?: string, params?: object }". */
export function mustBe(schema: Schema): string {
  switch (schema.type) {
    case 'string': return schema.minLength ? 'a non-empty string' : 'a string';
    case 'integer': return `an integer${schema.minimum !== undefined ? ` ≥ ${schema.minimum}` : ''}`;
    case 'number': return `a number${schema.minimum !== undefined ? ` ≥ ${schema.minimum}` : ''}`;
    case 'boolean': return 'true or false';
    case 'object': {
      const keys = Object.entries(schema.properties ?? {});
      if (keys.length === 0) return 'an object';
      const required = new Set(schema.required ?? []);
      return `an object { ${keys.map(([k, s]) => `${k}${required.has(k) ? '' : '?'}: ${s.type ?? 'unknown'}`).join(', ')} }`;
    }
    default: return 'something else';
  }
}

/**
 * A value for a message. Strings are never repeated (a password put where an object belongs is still a password),
 * nor is anything under a key whose name says secret; numbers and booleans are, so `42` reads as 42.
 */
export function describe(value: unknown, at: string[]): string {
  if (at.some(isSecretName)) return '<redacted>';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': return value === '' ? 'an empty string' : 'a string';
    case 'number': case 'boolean': case 'undefined': return String(value);
    case 'bigint': return `${value}n`;
    case 'function': return 'a function';
    case 'object': return 'an object';
    default: return `a ${typeof value}`;
  }
}

/** The closest known key within a small edit distance: a typo, not a different word. */
export function nearest(key: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
