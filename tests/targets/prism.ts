// Prism (a devDependency) mocking the kit's own specs/flow-service.yaml: the stateless OpenAPI mock a new user would
// try first. It serves at the origin root (no base path), answers schema-generated bodies ("string" ids, unquoted
// "string" etags), checks that the credential headers are present, and validates request bodies.
import { spawn } from 'node:child_process';
import { freePort } from '../../bench/compare-servers.ts';
import type { Justified } from './justified.ts';
import type { RunningTarget } from './serve.ts';

export async function startPrism(): Promise<RunningTarget> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/@stoplight/prism-cli/dist/index.js', 'mock', 'specs/flow-service.yaml', '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let requests = 0;
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start: ${log.slice(-500)}`)), 60_000);
    const read = (d: Buffer) => {
      log += d.toString();
      if (/listening on/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
      requests += (d.toString().match(/\binfo\b.*\b(GET|POST|PATCH|DELETE)\b/g) ?? []).length;
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`prism exited (${code}): ${log.slice(-500)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Stateless with generated bodies: nothing about entities is met, and spec reads answer a spec with id "string". */
export const PRISM_JUSTIFIED: Justified = {
  'SPEC-003': 'the generated specs carry attributes.isDraftModeSupported as a boolean (the schema says so)',
  'API-002': 'a request without x-api-key answers 401 (security scheme check), the same request with it 2xx',
  'API-003': 'a request without x-gw-ims-org-id answers 401, the same request with it 2xx',
  'API-005': 'a malformed JSON body answers 400 where a valid one answers 2xx; nothing is ever stored',
  'API-010': 'a body sent as text/plain answers 415 where the same body as JSON answers 2xx',
  'API-011': 'request bodies are validated against the operation\'s schema (400), valid ones answer 2xx',
  'ETAG-002': 'If-Match is a required parameter: a PATCH without it answers 400, the same PATCH with it 200',
  'API-007': 'it does not answer 5xx to the kit\'s requests',
  'API-008': 'every 2xx body is generated from the operation\'s own schema',
};
