// The node transport closes a kept-alive socket it has not used for IDLE_SOCKET_MS, before a server's own idle timeout
// (Node's default 5 s) can close it under a request being written: that race resets the request, and a reset POST,
// PATCH or DELETE is final (kit/retry.ts), so its check would end in `error` for no fault of the target.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { IDLE_SOCKET_MS, nodeTransport } from '../../suites/support/transport.ts';

test('an idle kept-alive socket is closed by the kit before a 5 s server timeout, and the next request opens a new one', async () => {
  // the server would keep the socket for a minute: only the client can be the one closing it
  const server = createServer({ keepAliveTimeout: 60_000 }, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  const transport = nodeTransport();
  try {
    await transport.send({ method: 'GET', url, headers: {}, timeoutMs: 5_000 });
    await transport.send({ method: 'GET', url, headers: {}, timeoutMs: 5_000 });
    expect(connections).toBe(1); // kept alive while in use
    expect(IDLE_SOCKET_MS).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SOCKET_MS + 300));
    await transport.send({ method: 'POST', url, headers: {}, body: Buffer.from('{}'), timeoutMs: 5_000 });
    expect(connections).toBe(2);
  } finally {
    await transport.dispose();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
