// Invalid request bodies, each a small named mutation of a valid one: a required field left out, a field of another
// type than its schema's, a wrong-typed value nested in an object field, a JSON Patch of the wrong shape, an
// instruction on a path the entity does not have. The list is read off the request schemas, so a field the spec gains
// gains its mutations; each mutation says what it broke, so a failure names it.
import fc from 'fast-check';
import { bodyFields, requestSchema, resolve, typesOf, type Body, type FieldSchema, type PatchInstruction } from './request-bodies.ts';
import { validateRequest } from './validators.ts';

type Obj = Record<string, unknown>;

export interface Mutated<T> {
  /** What the mutation broke, in words: "params a string, not an object". */
  label: string;
  body: T;
  /** `schema`: the body breaks its request schema; `document`: the entity it would make breaks the create schema; `rfc6902`: the patch cannot apply. */
  breaks: 'schema' | 'document' | 'rfc6902';
}

/** A mutation: applied to a valid body with a pick (a small number) that chooses among its variants. */
export interface Mutation<T> {
  name: string;
  apply(body: T, pick: number): Mutated<T>;
}

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One value of each JSON type, for a field whose schema wants another. */
const OTHER_TYPES: [string, string, unknown][] = [
  ['string', 'a string', 'kit-wrong-type'],
  ['number', 'a number', 42],
  ['boolean', 'a boolean', true],
  ['array', 'an array', ['kit-wrong-type']],
  ['object', 'an object', { kit: 'wrong-type' }],
  ['null', 'null', null],
];

/** A value of a type `schema` does not allow, chosen by `pick`, and how to say it. */
function wrongTyped(schema: Obj, pick: number): { value: unknown; says: string } {
  const allowed = typesOf(schema);
  const others = OTHER_TYPES.filter(([type]) => !allowed.includes(type));
  const [, says, value] = others[pick % others.length]!;
  return { value: structuredClone(value), says: `${says}, not ${allowed.map((t) => (t === 'object' ? 'an object' : t === 'array' ? 'an array' : `a ${t}`)).join(' or ')}` };
}

/** Nested fields worth a mutation: the required ones (a spec's id) and those the schema types as objects (auth.params). */
function nestedFields(root: Obj, field: FieldSchema): FieldSchema[] {
  const properties = isObj(field.schema.properties) ? field.schema.properties : {};
  const required = new Set(Array.isArray(field.schema.required) ? (field.schema.required as string[]) : []);
  return Object.entries(properties)
    .map(([name, schema]) => ({ name, schema: resolve(root, schema), required: required.has(name) }))
    .filter((nested) => typesOf(nested.schema).length > 0 && (nested.required || typesOf(nested.schema).includes('object')));
}

/**
 * The mutations of a create body of `operationId`. `name` is never mutated: it is how the kit looks for a refused
 * create in a list, and a PATCH's mutations cover it.
 */
export function createMutations(operationId: string): Mutation<Body>[] {
  const root = requestSchema(operationId);
  const mutations: Mutation<Body>[] = [];
  for (const field of bodyFields(operationId)) {
    if (field.name === 'name') continue;
    if (field.required) {
      mutations.push({
        name: `drop ${field.name}`,
        apply: (body) => {
          const { [field.name]: _dropped, ...rest } = body;
          return { label: `the required ${field.name} left out`, body: rest, breaks: 'schema' };
        },
      });
    }
    if (typesOf(field.schema).length > 0) {
      mutations.push({
        name: `retype ${field.name}`,
        apply: (body, pick) => {
          const { value, says } = wrongTyped(field.schema, pick);
          return { label: `${field.name} ${says}`, body: { ...body, [field.name]: value }, breaks: 'schema' };
        },
      });
    }
    for (const nested of nestedFields(root, field)) {
      mutations.push({
        name: `retype ${field.name}.${nested.name}`,
        apply: (body, pick) => {
          const { value, says } = wrongTyped(nested.schema, pick);
          const parent = isObj(body[field.name]) ? (body[field.name] as Obj) : {};
          return { label: `${field.name}.${nested.name} ${says}`, body: { ...body, [field.name]: { ...parent, [nested.name]: value } }, breaks: 'schema' };
        },
      });
    }
  }
  return mutations;
}

/** The create operation whose schema describes the entity a PATCH operation changes. */
export function createOperationOf(patchOperationId: string): string {
  return patchOperationId.replace(/^patch/, 'create');
}

/** Fields a PATCH may not change (the spec an entity is built on): a refusal of those says nothing of its value's type. */
const IMMUTABLE = new Set(['connectionSpec', 'flowSpec']);

/**
 * The mutations of a valid JSON Patch of `patchOperationId`: the shape of the document or of one instruction broken,
 * an instruction whose value breaks the field's schema added, or an instruction on a path the entity does not have.
 * The valid instructions stay beside the broken one: a patch applies whole or not at all (RFC 6902 §5).
 */
export function patchMutations(patchOperationId: string, entity: Body): Mutation<PatchInstruction[]>[] {
  const createOperationId = createOperationOf(patchOperationId);
  const root = requestSchema(createOperationId);
  const at = (patch: PatchInstruction[], pick: number) => pick % patch.length;
  const inPlace = (name: string, change: (instruction: Obj, pick: number) => string): Mutation<PatchInstruction[]> => ({
    name,
    apply: (patch, pick) => {
      const copy = structuredClone(patch) as unknown as Obj[];
      const index = at(patch, pick);
      const label = change(copy[index]!, pick);
      return { label: `instruction ${index} ${label}`, body: copy as unknown as PatchInstruction[], breaks: 'schema' };
    },
  });
  // an instruction that breaks the document goes last, or a later valid one could overwrite what it broke; one the
  // patch cannot apply may go anywhere
  const inserted = (name: string, make: (pick: number) => { instruction: Obj; label: string; breaks: Mutated<unknown>['breaks'] }): Mutation<PatchInstruction[]> => ({
    name,
    apply: (patch, pick) => {
      const { instruction, label, breaks } = make(pick);
      const index = breaks === 'document' ? patch.length : pick % (patch.length + 1);
      const body = [...patch.slice(0, index), instruction, ...patch.slice(index)] as PatchInstruction[];
      return { label: `${label} (instruction ${index} of ${body.length})`, body, breaks };
    },
  });
  const mutations: Mutation<PatchInstruction[]>[] = [
    inPlace('drop op', (instruction) => (delete instruction.op, 'without its required op')),
    inPlace('drop path', (instruction) => (delete instruction.path, 'without its required path')),
    inPlace('retype op', (instruction, pick) => {
      const { value, says } = wrongTyped({ type: 'string' }, pick);
      instruction.op = value;
      return `with an op ${says}`;
    }),
    inPlace('op outside the enum', (instruction, pick) => {
      instruction.op = ['move', 'copy', 'test', 'merge'][pick % 4];
      return `with op "${String(instruction.op)}", not one the schema's enum allows`;
    }),
    inPlace('retype path', (instruction, pick) => {
      const { value, says } = wrongTyped({ type: 'string' }, pick);
      instruction.path = value;
      return `with a path ${says}`;
    }),
    { name: 'empty patch', apply: () => ({ label: 'an empty JSON Patch (the schema asks for at least one instruction)', body: [], breaks: 'schema' }) },
    {
      name: 'not an array',
      apply: (_patch, pick) => {
        // an object is not among them: a single instruction object is accepted as the OAS shows it (DECISIONS #1)
        const [says, value] = ([['a string', 'kit-not-a-patch'], ['a number', 42], ['null', null]] as const)[pick % 3]!;
        return { label: `the body ${says}, not a JSON Patch array`, body: value as unknown as PatchInstruction[], breaks: 'schema' };
      },
    },
    inserted('missing path', (pick) => {
      const op = pick % 2 === 0 ? 'remove' : 'replace';
      const path = `/kitNoSuchField${pick % 5 === 0 ? '' : `/x${pick}`}`;
      return { instruction: { op, path, ...(op === 'replace' ? { value: 'kit' } : {}) }, label: `${op} of ${path}, a path the entity does not have (RFC 6902 §4.2: an error)`, breaks: 'rfc6902' };
    }),
  ];
  for (const field of bodyFields(createOperationId)) {
    if (IMMUTABLE.has(field.name) || typesOf(field.schema).length === 0) continue;
    mutations.push(inserted(`retype /${field.name}`, (pick) => {
      const { value, says } = wrongTyped(field.schema, pick);
      return { instruction: { op: 'add', path: `/${field.name}`, value }, label: `add /${field.name} ${says}`, breaks: 'document' };
    }));
    if (!isObj(entity[field.name])) continue;
    for (const nested of nestedFields(root, field)) {
      mutations.push(inserted(`retype /${field.name}/${nested.name}`, (pick) => {
        const { value, says } = wrongTyped(nested.schema, pick);
        return { instruction: { op: 'add', path: `/${field.name}/${nested.name}`, value }, label: `add /${field.name}/${nested.name} ${says}`, breaks: 'document' };
      }));
    }
  }
  return mutations;
}

/** Every mutation of a case, with the picks that choose among their variants: what one property run sends. */
export function mutationPicks(count: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 11 }), { minLength: count, maxLength: count });
}

/**
 * Applies `mutation`, and holds the kit to its word: a mutation said to break the request schema must (ajv), or the
 * kit would blame a target for accepting a valid body.
 */
export function mutate<T>(operationId: string, mutation: Mutation<T>, body: T, pick: number): Mutated<T> {
  const mutated = mutation.apply(body, pick);
  if (mutated.breaks === 'schema' && validateRequest(operationId, mutated.body).valid) {
    throw new Error(`kit bug: the mutation "${mutation.name}" of ${operationId} left a body its request schema allows: ${JSON.stringify(mutated.body).slice(0, 300)}`);
  }
  return mutated;
}
