// Runs the reference server until SIGINT or SIGTERM, for `flow-conformance serve` and `npm run serve`: the first line
// of stdout is the base URL (scripts read it); stderr says which credentials it accepts and which faults are on.
import { DEFAULT_CREDENTIALS } from './app.ts';
import { startReferenceServer } from './listen.ts';

export interface ServeOptions {
  port: number;
  host: string;
  faults: string[];
}

/**
 * What a client must send. The defaults are our own public test values, printed in full so a user can copy them; a
 * value taken from the environment may be a real secret, so it is named, never shown.
 */
export function credentialLines(env: NodeJS.ProcessEnv = process.env): string[] {
  const shown = (variable: string, fallback: string, secret: boolean) =>
    env[variable] ? `${secret ? '(set, not shown)' : env[variable]} from ${variable}` : `${fallback} (default; set ${variable} to change)`;
  return [
    'accepts:',
    `  Authorization: Bearer ${shown('AEP_ACCESS_TOKEN', DEFAULT_CREDENTIALS.accessToken, true)}`,
    `  x-api-key: ${shown('AEP_API_KEY', DEFAULT_CREDENTIALS.apiKey, true)}`,
    `  x-gw-ims-org-id: ${shown('AEP_ORG_ID', DEFAULT_CREDENTIALS.orgId, false)}`,
    '  x-sandbox-name: any (each sandbox is its own store; default prod)',
  ];
}

/** Resolves with exit code 0 once a signal has stopped the server; rejects if it cannot start (a port in use). */
export async function serve(options: ServeOptions): Promise<number> {
  const server = await startReferenceServer({ port: options.port, host: options.host, faults: options.faults });
  console.log(server.url);
  for (const line of credentialLines()) console.error(line);
  if (options.faults.length > 0) console.error(`fault modes on: ${options.faults.join(', ')}`);
  return new Promise((resolve) => {
    const stop = () => void server.close().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
