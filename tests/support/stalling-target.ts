// A reference server whose first DELETE is never answered: that request times out, which makes Playwright record a
// call log (every request header) for it. Bound to 127.0.0.1 on a free port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BASE_PATH, createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';

export const TARGET_CREDENTIALS = { AEP_ACCESS_TOKEN: DEFAULT_CREDENTIALS.accessToken, AEP_API_KEY: DEFAULT_CREDENTIALS.apiKey, AEP_ORG_ID: DEFAULT_CREDENTIALS.orgId };

export async function firstDeleteStalls(): Promise<{ url: string; close(): Promise<void> }> {
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  let deletes = 0;
  const server = createServer((req, res) => {
    if (req.method === 'DELETE' && deletes++ === 0) return;
    service.listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE_PATH}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
