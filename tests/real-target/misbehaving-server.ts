// A local target that misbehaves on purpose (rate limits, outages, slowness, resets, garbage), bound to 127.0.0.1 on
// a free port, and the kit's client wired to it as the fixtures wire it to a real target.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from '@playwright/test';
import { createFlowService, DEFAULT_CREDENTIALS } from '../../server/app.ts';
import { FlowClient } from '../../suites/support/client.ts';
import type { KitConfig } from '../../kit/config.ts';
import { Recorder } from '../../suites/support/recorder.ts';
import { Redactor } from '../../kit/redact.ts';
import { resolveTarget } from '../../suites/support/target.ts';
import type { TransportName } from '../../kit/run-settings.ts';
import { nodeTransport, playwrightTransport, type Transport } from '../../suites/support/transport.ts';

export const BASE_PATH = '/data/foundation/flowservice';

export interface Hit {
  method: string;
  path: string;
  at: number;
}

/** Answers request number `n` (0-based); return nothing to leave the request hanging. */
export type Behaviour = (req: IncomingMessage, res: ServerResponse, n: number) => void;

export interface Rig {
  client: FlowClient;
  recorder: Recorder;
  hits: Hit[];
  close(): Promise<void>;
}

/** `transport`: the one FlowClient sends through (the suites use both). */
export async function misbehaving(behaviour: Behaviour, config: Partial<KitConfig> = {}, transportName: TransportName = 'playwright'): Promise<Rig> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', path: (req.url ?? '').slice(BASE_PATH.length), at: Date.now() });
    req.resume();
    req.on('end', () => behaviour(req, res, hits.length - 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let transport: Transport | undefined;
  try {
    transport = transportName === 'node' ? nodeTransport() : playwrightTransport(await request.newContext());
    // an explicit environment, so a developer's AEP_* variables cannot turn on an IMS exchange here
    const target = await resolveTarget(`http://127.0.0.1:${port}${BASE_PATH}`, false, {
      AEP_ACCESS_TOKEN: 'local-token-0000',
      AEP_API_KEY: 'local-key',
      AEP_ORG_ID: 'LOCAL@AdobeOrg',
    });
    Object.assign(target.config, config);
    const recorder = new Recorder(new Redactor(target.secrets));
    const used = transport;
    return {
      client: new FlowClient(used, target, recorder),
      recorder,
      hits,
      close: async () => {
        await used.dispose();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  } catch (error) {
    await transport?.dispose();
    server.closeAllConnections();
    server.close();
    throw error;
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** A free port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StoppingTarget {
  /** The base URL to give as --target. */
  url: string;
  /** Requests that reached the target, answered or not. */
  readonly requests: number;
  /** Date.now() when the target stopped answering; 0 while it still answers. */
  readonly stoppedAt: number;
  close(): Promise<void>;
}

/**
 * The reference server, which answers until `stopsAt` (its first N requests, the CLI's preflight being the first; or
 * the first request the predicate picks, itself unanswered) and then stops answering: `black-hole` accepts every request and never replies, as a hung process or a dropped route does (each
 * request waits out its timeout); `refuse` closes the port and every open connection, as a killed process does.
 */
export async function stoppingTarget(stopsAt: number | ((req: IncomingMessage) => boolean), then: 'black-hole' | 'refuse'): Promise<StoppingTarget> {
  const service = createFlowService({ credentials: DEFAULT_CREDENTIALS });
  let requests = 0;
  let stoppedAt = 0;
  const server = createServer((req, res) => {
    requests++;
    const stops = stoppedAt > 0 || (typeof stopsAt === 'number' ? requests > stopsAt : stopsAt(req));
    if (!stops) return service.listener(req, res);
    if (stoppedAt === 0) {
      stoppedAt = Date.now();
      if (then === 'refuse') {
        server.close();
        server.closeAllConnections();
      }
    }
    // black-hole: the socket stays open and silent until the client gives up (or close() below)
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    get requests() {
      return requests;
    },
    get stoppedAt() {
      return stoppedAt;
    },
    close: async () => {
      server.closeAllConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
