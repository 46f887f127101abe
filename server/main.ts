// `npm run serve -- --port N [--host H] [--fault NAME]...`: runs the reference server until stopped.
// The first line of stdout is the base URL, so scripts can read it.
import { parseArgs } from 'node:util';
import { DEFAULT_CREDENTIALS } from './app.ts';
import { FAULT_NAMES, FAULTS, isFaultName } from './faults.ts';
import { startReferenceServer } from './listen.ts';

const usage = `Usage: npm run serve -- [--port N] [--host 127.0.0.1] [--fault NAME]... [--list-faults]
Starts the in-memory Flow Service reference server. Credentials come from AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID.`;

/**
 * What a client must send, on stderr (stdout's first line stays the URL). The defaults are our own public test values,
 * printed in full so a user can copy them; a value taken from the environment may be a real secret, so it is named,
 * never shown.
 */
function credentialLines(env: NodeJS.ProcessEnv = process.env): string[] {
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

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        fault: { type: 'string', multiple: true, default: [] },
        'list-faults': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values['list-faults']) {
    for (const name of FAULT_NAMES) console.log(`${name.padEnd(44)} ${FAULTS[name].breaks.join(',').padEnd(18)} ${FAULTS[name].description}`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be an integer from 0 to 65535, not '${values.port}'`);
    process.exit(2);
  }
  const unknown = values.fault.filter((f) => !isFaultName(f));
  if (unknown.length > 0) {
    console.error(`unknown fault mode(s): ${unknown.join(', ')} (see --list-faults)`);
    process.exit(2);
  }
  startReferenceServer({ port, host: values.host, faults: values.fault }).then(
    (server) => {
      console.log(server.url);
      for (const line of credentialLines()) console.error(line);
      if (values.fault.length > 0) console.error(`fault modes on: ${values.fault.join(', ')}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: Error) => {
      console.error(`cannot start the reference server: ${error.message}`);
      process.exit(2);
    },
  );
}

main();
