// How to get back, after an embedded run, a server that answers the evidence's curls as the run's did: the reference
// server with the same fault modes, on a fixed port, with its own test credentials. These are public values of the
// kit's own server (server/defaults.ts), never a user's token.
import { BASE_PATH, DEFAULT_CREDENTIALS } from '../server/defaults.ts';
import type { Reproduce } from './results.ts';

/** The port the printed serve command asks for; the curls of an embedded run's report point at it. */
export const REPRODUCE_PORT = 8080;

export function reproduceOf(faults: readonly string[]): Reproduce {
  return {
    serve: ['npx flow-conformance serve', '--port', String(REPRODUCE_PORT), ...faults.flatMap((f) => ['--fault', f])].join(' '),
    baseUrl: `http://127.0.0.1:${REPRODUCE_PORT}${BASE_PATH}`,
    credentials: { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId },
  };
}
