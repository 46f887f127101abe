// Child process: the reference server on a free 127.0.0.1 port; prints its base URL as the first stdout line.
// Credentials are pinned to the defaults so AEP_* variables in the caller's shell cannot make every request a 401.
// It exits on SIGTERM/SIGINT through process.exit so that `--cpu-prof` gets to write its profile.
import { DEFAULT_CREDENTIALS } from '../server/app.ts';
import { startReferenceServer } from '../server/listen.ts';
import { exitWithParent } from './children.ts';

const server = await startReferenceServer({ port: 0, host: '127.0.0.1', credentials: DEFAULT_CREDENTIALS });
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
exitWithParent(stop);
console.log(server.url);
