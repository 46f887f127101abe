// The test-only way to make runs appear (issue 11: "a documented way to add them for tests … an admin route outside
// the Flow Service paths"): `POST /__reference/flows/{FLOW_ID}/runs`, same credentials and `x-sandbox-name` as the
// service, optional JSON body `{status, startedAtUTC, completedAtUTC, inputRecordCount, failedRecordCount}`, answers
// 201 `{id, etag}` (the shape of OAS `CreateFlowRunResponse`, l.2340) and `Location: <base path>/runs/{id}`.
// It is not Flow Service: the real service makes runs from a flow's schedule; this server never runs anything on its
// own, so a test says exactly which runs exist.
import { ApiError } from './errors.ts';
import type { Caller, Reply } from './caller.ts';
import { ENABLED } from './lifecycle.ts';
import { addRun, checkRunSeed } from './runs.ts';

export const ADMIN_BASE = '/__reference';

export function handleAdmin(caller: Caller, method: string, path: string, body: string | Buffer | undefined): Reply {
  const match = /^\/__reference\/flows\/([^/]+)\/runs\/?$/.exec(path);
  if (!match) throw new ApiError('route-not-found', `No route for ${path}.`);
  if (method.toUpperCase() !== 'POST') throw new ApiError('method-not-allowed', `${method} is not supported here; use POST.`);
  const flowId = decodeURIComponent(match[1]!);
  const flow = caller.scope.get('flows', flowId);
  if (!flow) throw new ApiError('flow-not-found', `The requested flows resource ${flowId} is not found. Verify the resource ID before trying again.`);
  // a draft or a disabled flow does not run: "Dataflows are enabled by default, but can be disabled to pause" (update-destination-dataflows.md)
  if (flow.state !== ENABLED) throw new ApiError('action-not-allowed', `The action run cannot be applied on the current state ${flow.state}.`);
  const text = body === undefined ? '' : body.toString();
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError('malformed-json', 'The request body is not valid JSON.');
  }
  const run = addRun(caller, flow, checkRunSeed(parsed));
  return {
    status: 201,
    body: { id: run.id, etag: run.view.etag },
    headers: { location: `${caller.basePath}/runs/${run.id}` },
  };
}
