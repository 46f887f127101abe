// The request bodies the kit sends, typed from the OpenAPI subset: generators/generated/flow-service.d.ts, which
// `npm run generate` writes from specs/flow-service.yaml. A field the spec renames breaks the build here, not a run.
// Every create schema is open (`[key: string]: unknown`), as the service's are, so a builder's body may still carry a
// field the service must refuse (`state`, an unknown key).
import type { components } from '../../generators/generated/flow-service.d.ts';
import type { Kind } from '../../kit/kinds.ts';

type Schemas = components['schemas'];

interface CreateBodies {
  connections: Schemas['ConnectionCreate'];
  sourceConnections: Schemas['SourceConnectionCreate'];
  targetConnections: Schemas['TargetConnectionCreate'];
  flows: Schemas['FlowCreate'];
}

/** What a create of `kind` takes (POST /connections, /sourceConnections, …). */
export type CreateBody<K extends Kind = Kind> = CreateBodies[K];
export type AuthInfo = Schemas['AuthInfo'];

/**
 * What FlowClient sends. Mostly a builder's CreateBody or a PatchDocument, but checks also send, on purpose, bodies
 * the spec forbids: a required field missing (gating), a string where an object goes (API-011), a patch that is not an
 * array. No generated type says "one of these, or anything else", so the client takes unknown under this name.
 */
export type SentBody = unknown;
