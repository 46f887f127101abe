// The one Ajv configuration of the kit: the validators precompiled by generators/validators.ts and every schema
// compiled at run time (a target's authSpec, oneOf branches of the arbitraries) judge a body the same way.
// Its own file, importing nothing generated, so the generator can load it even when generators/generated/ is stale.
import { Ajv, type CodeOptions } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object's type.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ??
  addFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;

export interface AjvOptions {
  strict?: boolean;
  /** For standalone code generation only (code.source); compiled functions check bodies the same either way. */
  code?: CodeOptions;
  /** false compiles each referenced definition once, as a function, instead of inlining it at every use. */
  inlineRefs?: boolean;
}

/** The Ajv configuration every part of the kit uses, so a schema that compiles in a test compiles at run time. */
export function createAjv(options: AjvOptions = {}): Ajv {
  // strict: false tolerates keywords the spec may carry that draft-07 lacks; allErrors gives a full report per body.
  const ajv = new Ajv({
    strict: options.strict ?? false,
    allErrors: true,
    ...(options.code ? { code: options.code } : {}),
    ...(options.inlineRefs !== undefined ? { inlineRefs: options.inlineRefs } : {}),
  });
  addFormats(ajv);
  return ajv;
}
