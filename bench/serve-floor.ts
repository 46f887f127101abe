// Child process: the floor. A bare node:http server that reads the request body (as the reference does for POST and
// PATCH) and answers FLOOR_BODY, a GET-by-id answer captured from the reference, so the bytes on the wire are alike.
// Whatever the reference costs above this is the price of its own code.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitWithParent } from './children.ts';

const body = process.env.FLOOR_BODY ?? '{"items":[]}';
const length = String(Buffer.byteLength(body));
const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': length, 'x-request-id': 'floor' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`http://127.0.0.1:${port}`);
});
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
exitWithParent(stop);
