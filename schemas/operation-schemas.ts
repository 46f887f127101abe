// The shape of generators/generated/operation-schemas.json: per operationId, its method, path, request schema and
// response schemas by status. The generator writes it; the validators and arbitraries read it.
export type JsonObject = { [key: string]: unknown };

export interface OperationSchemas {
  method: string;
  path: string;
  request?: JsonObject;
  responses: Record<string, JsonObject>;
}
