// Starts the reference server on 127.0.0.1 (port 0 picks a free one) and gives back its base URL and a stop function.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_PATH, createFlowService, type FlowService, type FlowServiceOptions } from './app.ts';

export interface RunningServer {
  /** Base URL including the service base path, e.g. http://127.0.0.1:41234/data/foundation/flowservice */
  url: string;
  origin: string;
  service: FlowService;
  close(): Promise<void>;
}

export async function startReferenceServer(options: FlowServiceOptions & { port?: number; host?: string } = {}): Promise<RunningServer> {
  const service = createFlowService(options);
  const server: Server = createServer({ keepAliveTimeout: 5000 }, service.listener);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    url: origin + BASE_PATH,
    origin,
    service,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
