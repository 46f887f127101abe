// `npm run serve -- --port N [--host H] [--fault NAME]...`: runs the reference server until stopped (server/serve.ts);
// `flow-conformance serve` is the same from the installed package.
import { parseArgs } from 'node:util';
import { FAULT_NAMES, FAULTS, isFaultName } from './faults.ts';
import { serve } from './serve.ts';

const usage = `Usage: npm run serve -- [--port N] [--host 127.0.0.1] [--fault NAME]... [--list-faults]
Starts the in-memory Flow Service reference server. Credentials come from AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID.`;

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
  serve({ port, host: values.host, faults: values.fault }).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`cannot start the reference server: ${error.message}`);
      process.exit(2);
    },
  );
}

main();
