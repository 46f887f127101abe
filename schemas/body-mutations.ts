// Invalid request bodies, each a small named mutation of a valid one: a required field left out, a field of another
// type than its schema's, a wrong-typed value nested in an object field or an array's items, a JSON Patch of the wrong shape, an
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

/**
 * A place one level inside a field that its schema types: a property of an object field (connectionSpec.version,
 * auth.params), an object item of an array field (transformations[]), or a property of such an item
 * (transformations[].params).
 * `suffix` follows the field's name in a mutation's name; `set` gives the field a value with `value` at that place.
 */
interface Inside {
  suffix: string;
  schema: Obj;
  item: boolean;
  set(field: unknown, value: unknown): unknown;
}

/** The typed properties of an object schema. */
function typedProperties(root: Obj, schema: Obj): [string, Obj][] {
  const properties = isObj(schema.properties) ? schema.properties : {};
  return Object.entries(properties).map(([name, property]) => [name, resolve(root, property)] as [string, Obj]).filter(([, property]) => typesOf(property).length > 0);
}

/**
 * Every place inside `field` its schema types. A wrong type there breaks the schema as surely as at the top; the
 * reference server refuses each (a spec's version and a transformation's items too, DECISIONS #20, #40).
 */
function insideFields(root: Obj, field: FieldSchema): Inside[] {
  const inside: Inside[] = typedProperties(root, field.schema).map(([name, schema]) => ({
    suffix: `.${name}`, schema, item: false, set: (parent, value) => ({ ...(isObj(parent) ? parent : {}), [name]: value }),
  }));
  // items the schema types as objects (a flow's transformations): an array of ids already has its field's retype,
  // and each mutation is a request or two more per case against a target
  const items = resolve(root, field.schema.items);
  if (!typesOf(field.schema).includes('array') || !typesOf(items).includes('object')) return inside;
  // the wrong item alone: the valid ones beside it would say nothing more
  inside.push({ suffix: '[]', schema: items, item: true, set: (_array, value) => [value] });
  for (const [name, schema] of typedProperties(root, items)) {
    inside.push({ suffix: `[].${name}`, schema, item: true, set: (_array, value) => [{ [name]: value }] });
  }
  return inside;
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
    for (const inside of insideFields(root, field)) {
      mutations.push({
        name: `retype ${field.name}${inside.suffix}`,
        apply: (body, pick) => {
          const { value, says } = wrongTyped(inside.schema, pick);
          return { label: `${field.name}${inside.suffix} ${says}`, body: { ...body, [field.name]: inside.set(body[field.name], value) }, breaks: 'schema' };
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
    for (const inside of insideFields(root, field)) {
      // a property is added where the entity has the object; an item comes in a whole new array, which any entity takes
      if (!inside.item && !isObj(entity[field.name])) continue;
      const name = `/${field.name}${inside.item ? inside.suffix : inside.suffix.replace('.', '/')}`;
      mutations.push(inserted(`retype ${name}`, (pick) => {
        const { value, says } = wrongTyped(inside.schema, pick);
        const instruction = inside.item ? { op: 'add', path: `/${field.name}`, value: inside.set(undefined, value) } : { op: 'add', path: name, value };
        const label = inside.item ? `add /${field.name} holding ${field.name}${inside.suffix} ${says}` : `add ${name} ${says}`;
        return { instruction, label, breaks: 'document' };
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
